/**
 * Scenario 6: `connections` idle readers spread evenly over `rooms` fresh rooms; what the server process's
 * resident memory grew by, divided by the connections. Opened 50 at a time (the steady state is measured, not
 * the rush), and read after a pause for the server to settle. RSS includes whatever the garbage collector has
 * not returned yet, for every server alike; Gloss's PostgreSQL is a process of its own and is not counted.
 */
import { openPool, type Pool } from "../client-pool";
import type { BenchServer } from "../servers/bench-server";
import { sleep } from "../wait";
import type { Measured } from "./measured";

export async function idleMemory(server: BenchServer, { connections, rooms }: { connections: number; rooms: number }): Promise<Measured> {
  const perRoom = Math.ceil(connections / rooms);
  // Rooms (and Gloss's accounts) are made before the baseline, so the figure is connections and loaded rooms only.
  const prepared = [];
  for (let r = 0; r < rooms; r++) prepared.push(await server.room(perRoom));
  await sleep(2_000);
  const before = server.rssKb();
  const pools: Pool[] = [];
  try {
    for (const room of prepared) {
      pools.push(await openPool({ url: room.url, room: room.id, wire: server.wire, origin: server.origin, people: room.people, parallel: 50 }));
    }
    await sleep(3_000);
    const after = server.rssKb();
    const synced = pools.reduce((sum, pool) => sum + pool.synced, 0);
    const perConnection = (after - before) / synced;
    return { cell: perConnection.toFixed(1), compare: perConnection, delivery: synced / (perRoom * rooms), note: `RSS ${(before / 1024).toFixed(0)} → ${(after / 1024).toFixed(0)} MB` };
  } finally {
    for (const pool of pools) await pool.close();
  }
}

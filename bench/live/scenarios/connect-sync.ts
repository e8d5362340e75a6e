/**
 * Scenario 4: `readers` readers open the same empty room at once; the time from the first connection attempt
 * until the last of them has applied its sync step 2. The rush is the point: every handshake, session check
 * and room lookup of the server is in it.
 */
import { connectBenchClient } from "../client";
import { closeAll, withDeadline } from "../client-pool";
import { now } from "../clock";
import type { BenchServer } from "../servers/bench-server";
import type { Measured } from "./measured";

export async function connectAndSync(server: BenchServer, { readers }: { readers: number }): Promise<Measured> {
  const room = await server.room(readers);
  const start = now();
  const clients = room.people.map((person) =>
    connectBenchClient({ url: room.url, room: room.id, wire: server.wire, origin: server.origin, cookie: person.cookie }),
  );
  try {
    const deadline = Date.now() + 60_000;
    const results = await Promise.allSettled(clients.map((client) => withDeadline(client.synced, deadline)));
    const times = results.flatMap((r) => (r.status === "fulfilled" ? [r.value - start] : []));
    const all = times.length === readers ? Math.max(...times) : NaN;
    return {
      cell: Number.isFinite(all) ? all.toLocaleString("en", { maximumFractionDigits: 0 }) : "n/a",
      compare: all,
      delivery: times.length / readers,
      note: times.length < readers ? `${readers - times.length} of ${readers} did not sync within 60 s` : undefined,
    };
  } finally {
    await closeAll(clients);
  }
}

/**
 * npm run bench:live — the issue 9 scenarios against @y/websocket-server, Hocuspocus and Gloss, one server at a
 * time, through the same client code; prints the table and writes bench/results.md. A server that cannot be
 * installed or started, or a scenario that fails on one, reads "n/a" and the run goes on.
 * Sizes: BENCH_SCALE=0.2 for a quick run, or the variables in bench/live/scale.ts.
 */
import os from "node:os";
import { createDb } from "../../lib/db/client.server";
import { seedDatabase } from "../../prisma/seed";
import { benchDatabase } from "../bench-database";
import { SCALE } from "./scale";
import { broadcastLatency } from "./scenarios/broadcast-latency";
import { busyRooms } from "./scenarios/busy-rooms";
import { connectAndSync } from "./scenarios/connect-sync";
import { idleMemory } from "./scenarios/idle-memory";
import { joinLargeRoom } from "./scenarios/join-large-room";
import type { Measured } from "./scenarios/measured";
import { movingReaders } from "./scenarios/moving-readers";
import type { Paragraph } from "./notes";
import { RESULTS_FILE, machineFacts, writeResults } from "./results";
import type { BenchServer } from "./servers/bench-server";
import { startGlossServer, startGlossServers, type GlossSetup } from "./servers/gloss";
import { startHocuspocusServer } from "./servers/hocuspocus";
import { REDIS_URL, redisReachable } from "./servers/redis-reachable";
import { ensureReferences, installedVersion } from "./servers/references";
import { startYWebsocketServer } from "./servers/y-websocket";
import { deliveryTable, notes, resultsTable, type Row } from "./table";
import { sleep } from "./wait";

const log = (line: string) => console.error(`[bench:live] ${line}`);
const n = (value: number) => value.toLocaleString("en");
const started = performance.now();
const loadAtStart = os.loadavg()[0]!;

type Scenario = {
  label: string;
  compared: string;
  /** Run on a server process of its own: memory measured after other scenarios would count their garbage (or its collection). */
  fresh?: boolean;
  /** Run for Gloss only (it starts the servers it needs itself); the references read "—". */
  glossOnly?: boolean;
  run: (server: BenchServer, paragraphs: readonly Paragraph[]) => Promise<Measured>;
};

const s = SCALE;
const threads = s.readerThreads;
/** Known once the database is seeded: what a Gloss-only scenario needs to start instances of its own. */
let glossSetup: GlossSetup | null = null;

const scenarios: Scenario[] = [
  {
    label: `1 room, ${n(s.readersSmall)} readers, 1 writer ${s.steadyRate}/s: p50 / p99 ms`,
    compared: " p99",
    run: (server, paragraphs) => broadcastLatency(server, paragraphs, { readers: s.readersSmall, rate: s.steadyRate, seconds: s.steadySeconds, threads, fullReaders: s.fullReaders }),
  },
  {
    label: `1 room, ${n(s.readersLarge)} readers, same: p50 / p99 ms`,
    compared: " p99",
    run: (server, paragraphs) => broadcastLatency(server, paragraphs, { readers: s.readersLarge, rate: s.steadyRate, seconds: s.steadySeconds, threads, fullReaders: s.fullReaders }),
  },
  {
    label: `1 room, ${n(s.fastReaders)} readers, writer at ~${s.fastRate}/s: p50 / p99 ms`,
    compared: " p99",
    run: (server, paragraphs) => broadcastLatency(server, paragraphs, { readers: s.fastReaders, rate: s.fastRate, seconds: s.fastSeconds, threads, fullReaders: s.fullReaders, noteRate: true }),
  },
  { label: `${n(s.connectReaders)} readers connect and sync (all, ms)`, compared: "", run: (server) => connectAndSync(server, { readers: s.connectReaders }) },
  {
    label: `a reader joins a room of ${s.bigRoomAnnotations >= 1000 ? `${s.bigRoomAnnotations / 1000}k` : s.bigRoomAnnotations} annotations (median ms)`,
    compared: "",
    run: (server, paragraphs) => joinLargeRoom(server, paragraphs, { annotations: s.bigRoomAnnotations, joins: s.bigRoomJoins }),
  },
  {
    label: `${n(s.idleConnections)} idle connections over ${s.idleRooms} rooms: KB per connection`,
    compared: "",
    fresh: true,
    run: (server) => idleMemory(server, { connections: s.idleConnections, rooms: s.idleRooms }),
  },
  {
    label: `${n(s.busyRooms)} rooms × ${s.busyPerRoom} readers, each writing 1 note/s for ${s.busySeconds} s: updates/s, p50 / p99, server CPU (% of a core)`,
    compared: " CPU",
    run: (server, paragraphs) => busyRooms(server, paragraphs, { rooms: s.busyRooms, perRoom: s.busyPerRoom, seconds: s.busySeconds, threads }),
  },
  {
    label: `1 room, ${n(s.presenceReaders)} readers moving between paragraphs every ${s.presenceEveryMs.map((v) => v / 1000).join("–")} s: presence received by all, p99 ms to the others`,
    compared: " msgs/s",
    run: (server, paragraphs) =>
      movingReaders(server, paragraphs, { readers: s.presenceReaders, everyMs: s.presenceEveryMs, seconds: s.presenceSeconds, echo: s.presenceEcho, threads }),
  },
  {
    label: `1 room, ${n(s.pairReaders)} readers over 2 Gloss instances (Redis), 1 writer ${s.pairRate}/s: p50 / p99 ms`,
    compared: "",
    glossOnly: true,
    run: async (_server, paragraphs) => {
      if (!(await redisReachable(REDIS_URL))) throw new Error(`no Redis answers at ${REDIS_URL} (set REDIS_URL)`);
      const pair = await startGlossServers(glossSetup!, 2, REDIS_URL);
      try {
        return await broadcastLatency(pair, paragraphs, { readers: s.pairReaders, rate: s.pairRate, seconds: s.pairSeconds, threads, fullReaders: s.fullReaders });
      } finally {
        await pair.stop();
      }
    },
  },
];

// For profiling one thing: BENCH_ONLY=3,8 runs those rows (numbered as in the table), BENCH_SERVERS=gloss those
// servers (y-websocket, hocuspocus, gloss). A partial run prints its table but leaves bench/results.md alone.
const only = new Set((process.env.BENCH_ONLY ?? "").split(",").filter(Boolean).map(Number));
const serverNames = ["y-websocket", "hocuspocus", "gloss"];
const onlyServers = new Set((process.env.BENCH_SERVERS ?? "").split(",").filter(Boolean));
const partial = only.size > 0 || onlyServers.size > 0;

log(`scale ${s.factor}; ${machineFacts()}; load average ${loadAtStart.toFixed(1)}`);
const database = await benchDatabase();
const db = createDb(database.url);
const failures: string[] = [];
const rows: Row[] = scenarios.map(({ label, compared, glossOnly }) => ({ label, compared, glossOnly, cells: [] }));
const columns = ["@y/websocket-server 0.1.1", "Hocuspocus", "Gloss"];
const versions: string[] = [];
try {
  await seedDatabase(db);
  const essay = await db.essay.findFirstOrThrow({ include: { paragraphs: { orderBy: { position: "asc" }, select: { id: true, text: true } } } });
  await ensureReferences(log);
  const setup = (glossSetup = { db, databaseUrl: database.url, essayId: essay.id });
  const servers: Array<{ column: string; start: () => Promise<BenchServer> }> = [
    { column: columns[0]!, start: startYWebsocketServer },
    { column: columns[1]!, start: startHocuspocusServer },
    { column: columns[2]!, start: () => startGlossServer(setup) },
  ];
  for (const [column, { start }] of servers.entries()) {
    if (onlyServers.size > 0 && !onlyServers.has(serverNames[column]!)) {
      rows.forEach((row) => row.cells.push(null));
      continue;
    }
    let server: BenchServer;
    try {
      server = await start();
    } catch (error) {
      const why = (error as Error).message.split("\n")[0];
      failures.push(`${servers[column]!.column} did not start: ${why}`);
      log(`${servers[column]!.column}: n/a (${why})`);
      rows.forEach((row) => row.cells.push(null));
      continue;
    }
    versions.push(server.name === "Gloss" ? "Gloss (this commit)" : server.name);
    try {
      for (const [i, scenario] of scenarios.entries()) {
        if ((scenario.glossOnly && column !== servers.length - 1) || (only.size > 0 && !only.has(i + 1))) {
          rows[i]!.cells.push(null);
          continue;
        }
        log(`${server.name}: ${scenario.label}`);
        try {
          if (scenario.fresh) {
            await server.stop();
            server = await start();
          }
          const measured = await scenario.run(server, essay.paragraphs);
          rows[i]!.cells.push(measured);
          log(`  ${measured.cell} (delivery ${measured.delivery.toFixed(3)})${measured.note ? `; ${measured.note}` : ""}`);
        } catch (error) {
          const why = (error as Error).message.split("\n")[0];
          failures.push(`${server.name}, ${scenario.label}: ${why}`);
          rows[i]!.cells.push(null);
          log(`  n/a (${why})`);
        }
        await sleep(1_000);
      }
    } finally {
      await server.stop();
    }
  }
} finally {
  await db.$disconnect();
  await database.close();
}

const table = resultsTable(columns, rows);
const delivery = deliveryTable(columns, rows);
console.log(`\n${table}\n\nDelivery (received / expected):\n\n${delivery}\n`);
if (failures.length) console.log(`What failed:\n${failures.map((f) => `- ${f}`).join("\n")}\n`);
if (partial) console.log(`a partial run (BENCH_ONLY / BENCH_SERVERS): ${RESULTS_FILE} left as it was`);
else {
  writeResults(RESULTS_FILE, {
    scale: s,
    versions: versions.length ? versions : [`none started (Hocuspocus ${installedVersion("@hocuspocus/server") ?? "not installed"})`],
    table,
    delivery,
    notes: notes(columns, rows),
    failures,
    seconds: (performance.now() - started) / 1000,
    loadAtStart,
    sharedDatabase: Boolean(process.env.DATABASE_URL), // bench-database.ts embeds one only without it
  });
  console.log(`written to ${RESULTS_FILE}`);
}
process.exit(0); // a client socket still closing must not keep the run alive

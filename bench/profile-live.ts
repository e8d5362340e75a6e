/**
 * Profiles Gloss's websocket server on two of bench:live's rows, for bench/profile-notes.md: the server runs as
 * bench:live runs it, with Node's CPU profiler on (and a heap snapshot on SIGUSR2). Not a benchmark: the
 * figures are slowed by the profiler; it says where the time and memory go, bench:live says how much.
 *   PROFILE_DIR=/tmp/prof PROFILE_CONNECT=200 PROFILE_IDLE=400 PROFILE_IDLE_ROOMS=20 tsx bench/profile-live.ts
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "../lib/db/client.server";
import { seedDatabase } from "../prisma/seed";
import { benchDatabase } from "./bench-database";
import { connectAndSync } from "./live/scenarios/connect-sync";
import { idleMemory } from "./live/scenarios/idle-memory";
import { joinLargeRoom } from "./live/scenarios/join-large-room";
import { startGlossServer } from "./live/servers/gloss";
import { openPool } from "./live/client-pool";
import { sleep } from "./live/wait";

const dir = process.env.PROFILE_DIR ?? "/tmp/gloss-profile";
const connectReaders = Number(process.env.PROFILE_CONNECT ?? 200);
const rounds = Number(process.env.PROFILE_ROUNDS ?? 3);
const joinAnnotations = Number(process.env.PROFILE_JOIN ?? 0);
const idleConnections = Number(process.env.PROFILE_IDLE ?? 0);
const idleRooms = Number(process.env.PROFILE_IDLE_ROOMS ?? 20);
mkdirSync(dir, { recursive: true });
// The server's child process is started with process.execPath; --cpu-prof is not allowed in NODE_OPTIONS, so the
// server's node is this wrapper for the run.
const cpu = process.env.PROFILE_CPU !== "0" ? `--cpu-prof --cpu-prof-dir=${dir}` : "";
const wrapper = path.join(dir, "node-profiled.sh");
writeFileSync(wrapper, `#!/bin/sh\nexec ${process.execPath} ${cpu} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir} "$@"\n`);
chmodSync(wrapper, 0o755);

/** The server's process: this process's child running the launcher. */
function serverPid(): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      if (parent === process.pid && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("gloss-launcher")) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error("the server process is not running");
}

/** User plus system CPU time of a process so far, from /proc (Linux; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const database = await benchDatabase();
const db = createDb(database.url);
try {
  await seedDatabase(db);
  const essay = await db.essay.findFirstOrThrow({ include: { paragraphs: { orderBy: { position: "asc" }, select: { id: true, text: true } } } });
  process.execPath = wrapper;
  const server = await startGlossServer({ db, databaseUrl: database.url, essayId: essay.id });
  try {
    // CPU time is steadier than wall time on a machine shared with other work.
    const pid = serverPid();
    // Statements the server ran (and the harness, between rounds: read after it made the room), from PostgreSQL's counters.
    const statements = async () => {
      await sleep(1_500); // PostgreSQL publishes its counters about once a second
      const [row] = await db.$queryRaw<Array<{ n: bigint }>>`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`;
      return Number(row!.n);
    };
    for (let i = 0; i < rounds && connectReaders > 0; i++) {
      const cpu = cpuMs(pid);
      const room = server.room.bind(server);
      let before = 0;
      const counted = { ...server, room: async (count: number) => { const made = await room(count); before = await statements(); return made; } };
      const measured = await connectAndSync(counted, { readers: connectReaders });
      const ran = (await statements()) - before - 2; // less this function's own two reads
      console.log(`connect ${connectReaders}: ${measured.cell} ms (delivery ${measured.delivery}); server CPU ${cpuMs(pid) - cpu} ms; ~${ran} transactions`);
    }
    if (joinAnnotations > 0) {
      const measured = await joinLargeRoom(server, essay.paragraphs, { annotations: joinAnnotations, joins: 7 });
      console.log(`join ${joinAnnotations}: ${measured.cell} ms (delivery ${measured.delivery})`);
    }
    if (idleConnections > 0 && process.env.PROFILE_SNAPSHOT) {
      // Heap snapshots of the server before and with the idle connections open (written to the server's cwd).
      const pid = serverPid();
      const perRoom = Math.ceil(idleConnections / idleRooms);
      const prepared = [];
      for (let r = 0; r < idleRooms; r++) prepared.push(await server.room(perRoom));
      await sleep(2_000);
      process.kill(pid, "SIGUSR2");
      await sleep(5_000);
      const before = server.rssKb();
      const pools = [];
      for (const room of prepared) pools.push(await openPool({ url: room.url, room: room.id, wire: server.wire, origin: server.origin, people: room.people, parallel: 50 }));
      await sleep(3_000);
      console.log(`idle ${idleConnections}/${idleRooms}: RSS ${before} -> ${server.rssKb()} KB`);
      process.kill(pid, "SIGUSR2");
      await sleep(8_000);
      for (const pool of pools) await pool.close();
    } else if (idleConnections > 0) {
      const measured = await idleMemory(server, { connections: idleConnections, rooms: idleRooms });
      console.log(`idle ${idleConnections}/${idleRooms}: ${measured.cell} KB per connection; ${measured.note}`);
    }
  } finally {
    // The profile is written when the server exits; a large one takes longer than stop() waits before SIGKILL.
    const pid = serverPid();
    process.kill(pid, "SIGTERM");
    for (let i = 0; i < 120 && existsSync(`/proc/${pid}`); i++) await sleep(500);
    await server.stop();
  }
} finally {
  await db.$disconnect();
  await database.close();
}

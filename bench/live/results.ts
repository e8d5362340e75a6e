/**
 * Writes bench/results.md: when, on what machine, at what scale, the two tables, and what the figures do and do
 * not include, so a reader of the file can judge them without the harness open.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Scale } from "./scale";

export type Results = {
  scale: Scale;
  versions: string[];
  table: string;
  delivery: string;
  notes: string[];
  failures: string[];
  seconds: number;
  /** The machine's 1-minute load average as the run began: other work on these cores is in every figure. */
  loadAtStart: number;
  /** Whether Gloss's database was on DATABASE_URL's server (shared with whatever else uses it), not embedded. */
  sharedDatabase: boolean;
};

/** What this run is, relative to the server's history; say so again when an optimisation lands. */
const STATUS =
  "This run is **after the second round of optimisations** of Gloss's websocket server (issue 9), listed under " +
  "\"Where Gloss's time went\" below; the baseline before them was 1.5×, 1.4×, 49.8×, 7.9×, 1.6× and 5.7× the better " +
  "reference on the first six rows (2026-11-26 10:53). Gloss's figures are the server as it is on `main`.";

/** Found by profiling (GLOSS_PROF, bench/profile-live.ts; details in bench/profile-notes.md); kept with the figures. */
const FINDINGS = `## Where Gloss's time went, and what fixed it

Profiles of the Gloss process under these scenarios (\`GLOSS_PROF=<folder>\`, \`node --cpu-prof\`), before each change:

- **Prisma's query building was a third of the server's CPU** with a writer at 260/s (the WebAssembly query
  compiler behind every log append, relational-copy upsert and notification query: about 1.2 ms of CPU per
  statement against 0.2 ms for the same statement through \`pg\`). The per-batch statements now run on the live
  server's own \`pg\` pool as named prepared statements (server/sql-pool.ts), the relational copy is one upsert
  per table and run instead of one per entry, notifications cost no query unless a comment is a reply or a
  mention, and the log's connections commit with \`synchronous_commit = off\` (ARCHITECTURE.md, Durability).
  Prisma fell to about 5% of that profile, all of it connection checks.
- **Compaction held up every reader**: every 500 rows it applied the whole room on the main thread, tens of
  milliseconds each time in a busy room (the 260/s row: p50 68 ms with it, 21 ms without). It now runs in a worker
  thread, from the log rows themselves under an advisory lock (so several instances can share a room), and only
  once the log has grown by the size of what the last compaction left.
- **Connecting cost 6–7 Prisma queries per reader** (2.4–3.0 s of CPU for 200 readers): connections arriving
  together now share one read of each kind in plain SQL, decrypted cookies are kept until they expire, a loaded
  room's record is reused, and an empty catch-up is not checked (0.3–0.4 s for 200).
- **Every joiner re-encoded the whole room** (about 50 ms for 10,000 annotations): the committed document's sync
  messages are now encoded once per commit.
- **Idle connections were charged for Prisma's compiler** (about 30 MB loaded by the first query) and each kept its
  whole upgrade request alive: the server warms up before it reports ready, and a connection keeps its cookie only.
- **Readers were sent one frame per update, and presence one message per change**: a stored batch now goes out as
  one frame, and presence is gathered for 50 ms (server/presence-batch.ts), so 200 readers moving cost each reader
  at most 20 presence messages a second instead of one per move.
- **100 busy rooms cost about 1,000 statements a second** (each room's log batch and its relational copy run), and
  on this machine each statement's system calls (\`writev\` to PostgreSQL, about 0.5 ms of CPU each in the profile)
  cost more than its rows: the busy-rooms row's p99 was 1.1 s. Rooms' log batches now share statements
  (server/log-writer.ts, at most two in flight), and the copy gathers the runs of every room over 50 ms into one
  (server/copy-entries.ts): 2,940 copy statements in that row became 162. And the committed document's cache no
  longer listens for Yjs's "update" event, which made Yjs encode every commit a second time for nothing.
- **Compaction landed in the middle of a busy room's writing**: at ~260 updates/s the first compaction (500 rows,
  about 2 s in) was a half second of p50 11 ms and p99 30 ms for every reader. A room now compacts once it has gone a
  second without a commit, or when its log is ten times the threshold (server/save-queue.ts).
- **next-auth re-derived its token key (HKDF) for every new cookie**, about 0.5 ms of CPU per connecting reader: the
  key is now derived once per secret and the token decrypted with jose directly
  (lib/auth/session-cookie.server.ts). And each socket is one object with methods instead of a dozen closures
  (server/live-socket.ts): 11.4 → 9.7 KB of live heap per idle connection.
- **What is left** (bench/profile-notes.md): a note costs Gloss about 0.9 ms of CPU against the references' ~0.35 ms
  (two applies, the checks, Yjs re-encoding it for the save queue, the log append), so busy rooms use about three
  times their CPU; and every row's p99 over 10 s is mostly its first second or two, while the code is cold.
`;

export function machineFacts(): string {
  const cores = (() => {
    try {
      return execFileSync("nproc", { encoding: "utf8" }).trim();
    } catch {
      return String(os.availableParallelism());
    }
  })();
  return `\`nproc\` ${cores}, ${os.cpus()[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node.js ${process.version}, ${os.platform()} ${os.release()}`;
}

export function writeResults(file: string, results: Results): void {
  const { scale } = results;
  const text = `# Live benchmark results

Written by \`npm run bench:live\` (bench/live/) on ${new Date().toISOString().replace("T", " ").slice(0, 16)} UTC, in ${Math.round(results.seconds)} s.

${STATUS}

- Machine: ${machineFacts()}. Servers and clients share these cores; each server runs as its own process, the
  clients in the harness's process: readers in ${scale.readerThreads} worker threads, the one-room rows' writer in its main thread.
  Load average (1 min) as the run began: ${results.loadAtStart.toFixed(1)}${results.loadAtStart > os.availableParallelism() ? " (more than the cores: other work competed with this run, and the tails, p99, show it most)" : ""}.
- Scale: BENCH_SCALE=${scale.factor} (readers ${scale.readersSmall} and ${scale.readersLarge} at ${scale.steadyRate}/s for ${scale.steadySeconds} s; ${scale.fastReaders} readers at ${scale.fastRate}/s for ${scale.fastSeconds} s; ${scale.connectReaders} connecting; ${scale.bigRoomAnnotations.toLocaleString("en")} annotations, ${scale.bigRoomJoins} joins; ${scale.idleConnections.toLocaleString("en")} idle connections over ${scale.idleRooms} rooms; ${scale.busyRooms} rooms of ${scale.busyPerRoom} writing for ${scale.busySeconds} s; ${scale.presenceReaders} readers moving every ${scale.presenceEveryMs.join("–")} ms for ${scale.presenceSeconds} s${scale.presenceEcho ? "" : ", no echo"}; ${scale.pairReaders} readers over 2 instances at ${scale.pairRate}/s for ${scale.pairSeconds} s; ${scale.fullReaders} full readers a room, the rest light).
- Servers: ${results.versions.join("; ")}.

${results.table}

Delivery (received / expected; for the connect, join and idle rows, clients synced / clients):

${results.delivery}
${results.notes.length ? `\nNotes from the run:\n\n${results.notes.map((n) => `- ${n}`).join("\n")}\n` : ""}${results.failures.length ? `\nWhat failed:\n\n${results.failures.map((n) => `- ${n}`).join("\n")}\n` : ""}
${FINDINGS}
## How to read it

- Latencies run from just before the writer sends a note (a highlight and its first comment, one update) to
  the arrival at each reader of the frame that carried it; all clients share one clock. The writer keeps a
  schedule rather than waiting for echoes, so each server gets the same load.
- The references have no authentication, no checks and no persistence; Gloss checks every update, stores it in
  PostgreSQL (${results.sharedDatabase ? "a database of its own on DATABASE_URL's server, on the same machine and shared with whatever else uses that server" : "embedded, on the same machine"}) and only then broadcasts it. Gloss runs \`createWsServer\` as
  \`server/main.ts\` does, with per-connection update and byte rate limits raised for the benchmark writer
  (bench/live/servers/gloss-launcher.ts). Its readers are real accounts, members of a seminar, with session cookies.
- Hocuspocus names the document inside every message, so its clients frame the same y-websocket messages with
  that name and send an Auth message first (bench/live/wire.ts); everything else is the same client code.
- Memory is the server process's RSS growth over the idle connections (PostgreSQL's processes not counted), so
  it includes garbage not yet collected; treat differences of a few KB as noise.
- The readers live in worker threads, so the writer of the one-room rows has the main thread to itself; at
  ~260/s the rate it achieved is in the notes above for every server (on two cores shared with the servers it
  may still fall short, and then that row's load differs between servers).
- Light readers: in the one-room rows, the two-instance row and the presence row, all but ${scale.fullReaders} readers of the
  room are light (bench/live/light-client.ts). They speak the same y-websocket sync as any client (ask with an
  empty state vector, answer the server's step 1 with an empty document's step 2, count as synced at the first
  step 2) but keep no Yjs document: a note has arrived at one when a frame's raw bytes hold its key (the notes'
  ids are drawn before the writer starts, and a new map entry's key is plain UTF-8 in any update, merged or
  not, under every server's framing). Why: applying one note to a document costs about 70 µs on this machine,
  so 100 full readers of a writer at 260/s needed nearly two cores for that alone, and every server showed
  multi-second p50s that measured the readers' backlog, not the server. A light reader's cost is one scan of
  each frame, the same for all three servers.
- The other ${scale.fullReaders} (BENCH_FULL_READERS) stay full readers, as the page is: their latencies are counted alike (from
  the frame's arrival, before it is applied), and at the end their documents are checked for every note the
  writer sent (the notes above say whether they held them all). Delivery is both together: light readers' key
  matches plus keys added to full readers' documents, over readers × notes sent. The presence row writes no
  notes, so all its readers are light. The connect row and the join row keep full readers: applying the room's
  state is part of joining for a real page, and what they time. Busy rooms keep full clients too: each of their
  readers writes notes (in a document), and the few it receives (four a second) cost it little.
- Busy rooms: every reader writes a note a second; latency is from the send to the arrival at each of the
  room's other readers. CPU is the server process's user and system time over the window (from /proc) as a share
  of one core, lower is better; Gloss's PostgreSQL does its part of the work in processes of its own and is not
  counted. Gloss's rate is rows written to its update log in the window (one per update, plus one per
  compaction); the references keep nothing, so theirs is notes that reached one other reader at least.
- Presence: each reader says which paragraph it reads (\`{ user, reading }\`, as the page does; Gloss rewrites
  it from the session) every 1–2 s and, as the page's y-websocket provider does, sends back every change it
  applies. Messages and bytes are awareness frames received by all readers together in the window (all three
  servers send a change to every reader, its sender included; Hocuspocus 4 puts what arrives within one turn of
  its event loop into one frame, Gloss what arrives within 50 ms, @y/websocket-server sends a frame per change); p99 runs from a change's send to its
  arrival at each other reader. Fewer messages is better only at the same p99 and delivery: a server that
  batches changes sends fewer frames, one that drops them shows it in delivery.
- Two Gloss instances: the readers alternate between two server processes on the same database, the writer on
  the first; the instances share rooms through \`REDIS_URL\` (server/room-bus.ts): the second instance's readers
  get each note once the first has stored it and Redis has carried it. The row reads n/a when no Redis answers.
- One run, not an average of several: expect a few percent of variation between runs, more at small scales.
`;
  writeFileSync(file, text);
}

export const RESULTS_FILE = path.resolve(import.meta.dirname, "../results.md");

/**
 * Scenario 7: `rooms` rooms of `perRoom` readers, each reader writing one note a second (a highlight and its
 * first comment, one update, as notes.ts makes them) for `seconds`: a seminar's worth of rooms all busy at once.
 * Reported: updates a second the server kept up with, what reached the room's other readers and how fast, and
 * the server process's CPU time over the window as a share of one core, the figure compared (lower is better).
 * Gloss stores every update, so its rate is rows written to its update log; the references keep nothing, so
 * theirs is notes that reached at least one other reader.
 */
import { LatencyRecorder } from "../latency";
import type { Paragraph } from "../notes";
import type { BenchRoom, BenchServer } from "../servers/bench-server";
import { openThreads } from "../threads/reader-threads";
import { sleep, until } from "../wait";
import { ms, type Measured } from "./measured";
import { runWindow } from "./window";

export type BusyRoomsOptions = { rooms: number; perRoom: number; seconds: number; threads: number };

export async function busyRooms(server: BenchServer, paragraphs: readonly Paragraph[], { rooms, perRoom, seconds, threads }: BusyRoomsOptions): Promise<Measured> {
  if (perRoom < 2) throw new Error("a busy room needs two readers at least: one's notes are timed at the others");
  const prepared: BenchRoom[] = [];
  for (let r = 0; r < rooms; r++) prepared.push(await server.room(perRoom));
  const recorder = new LatencyRecorder(perRoom - 1);
  const pool = await openThreads({
    wire: server.wire.name,
    origin: server.origin,
    paragraphs,
    keys: [],
    clients: prepared.flatMap((room) => room.people.map((person) => ({ url: room.url, room: room.id, person, act: "notes" as const }))),
    parallel: 50,
    threads,
    noteEveryMs: 1000,
    presenceEveryMs: [0, 0],
    echoPresence: false,
    onSent: (key, at) => recorder.sending(key, at),
    onArrived: (key, at) => recorder.received(key, at),
  });
  try {
    await sleep(1_000); // the joins' own traffic (and Gloss's loading of the rooms) is not the window's
    const rowsBefore = await server.storedRows?.();
    const { window, cpu } = await runWindow(server, pool, seconds);
    const rowsAfter = await server.storedRows?.();
    await until(() => recorder.complete(), 15_000, 100);
    const { p50, p99, ratio, reached, expected } = recorder.summary();
    const stored = rowsBefore === undefined || rowsAfter === undefined ? null : (rowsAfter - rowsBefore) / window;
    const rate = stored === null ? `${(reached / window).toFixed(0)} relayed/s` : `${stored.toFixed(0)} stored/s`;
    const unsynced = pool.synced < rooms * perRoom ? `; ${rooms * perRoom - pool.synced} readers did not sync` : "";
    return {
      cell: `${rate}, ${ms(p50)} / ${ms(p99)} ms, CPU ${cpu.toFixed(0)}%`,
      compare: cpu,
      delivery: ratio,
      note: `readers wrote ${(expected / (perRoom - 1) / window).toFixed(0)} notes/s over ${window.toFixed(1)} s${unsynced}`,
    };
  } finally {
    await pool.close();
  }
}

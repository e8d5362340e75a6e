/**
 * Scenario 8: `readers` readers in one room, each moving to another paragraph every `everyMs` (a random wait
 * within the range), as the reading page's presence says it (presence-reader.ts), for `seconds`. Reported:
 * presence frames a second all readers together received, their bytes, and the p99 time for a change to reach
 * the other readers (its freshness). The figure compared is frames a second, lower is better, but only at equal
 * freshness and delivery: a server that sends fewer frames by dropping or delaying changes shows it there.
 * The readers are light (light-client.ts): no notes are written here, so a document would only cost them.
 */
import { LatencyRecorder } from "../latency";
import type { Paragraph } from "../notes";
import type { BenchServer } from "../servers/bench-server";
import { openThreads } from "../threads/reader-threads";
import { sleep, until } from "../wait";
import { ms, type Measured } from "./measured";
import { runWindow } from "./window";

export type MovingReadersOptions = { readers: number; everyMs: readonly [number, number]; seconds: number; echo: boolean; threads: number };

export async function movingReaders(server: BenchServer, paragraphs: readonly Paragraph[], { readers, everyMs, seconds, echo, threads }: MovingReadersOptions): Promise<Measured> {
  const room = await server.room(readers);
  const recorder = new LatencyRecorder(readers - 1);
  const pool = await openThreads({
    wire: server.wire.name,
    origin: server.origin,
    paragraphs,
    clients: room.people.map((person) => ({ url: room.url, room: room.id, person, act: "presence" as const, light: true })),
    keys: [],
    parallel: 50,
    threads,
    noteEveryMs: 0,
    presenceEveryMs: everyMs,
    echoPresence: echo,
    onSent: (key, at) => recorder.sending(key, at),
    onArrived: (key, at) => recorder.received(key, at),
  });
  try {
    await sleep(2_000); // everyone's first presence, sent on joining, has gone round
    const { window, cpu } = await runWindow(server, pool, seconds);
    await until(() => recorder.complete(), 15_000, 100); // as the other rows: what has not arrived by then counts as lost
    const { p99, ratio, expected } = recorder.summary();
    const frames = pool.presence.frames / window;
    const kb = pool.presence.bytes / 1024 / window;
    const unsynced = pool.synced < readers ? `; ${readers - pool.synced} readers did not sync` : "";
    return {
      cell: `${frames.toLocaleString("en", { maximumFractionDigits: 0 })} msgs/s, ${kb.toLocaleString("en", { maximumFractionDigits: 0 })} KB/s, p99 ${ms(p99)} ms`,
      compare: frames,
      delivery: ratio,
      note: `${(expected / Math.max(1, readers - 1) / window).toFixed(0)} changes/s${echo ? ", echoed as the page does" : ""}; server CPU ${cpu.toFixed(0)}%${unsynced}`,
    };
  } finally {
    await pool.close();
  }
}

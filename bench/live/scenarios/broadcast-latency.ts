/**
 * Scenarios 1 to 3: one room, `readers` readers, one writer sending notes at `rate` per second for `seconds`.
 * The latency of a note at a reader runs from just before the writer's send to the arrival of the frame that
 * carried it; readers and writer share this process's clock. The writer keeps to a schedule (it does not wait
 * for echoes), so every server gets the same load; if this process falls behind, the achieved rate says so.
 */
import { connectBenchClient } from "../client";
import { openPool } from "../client-pool";
import { LatencyRecorder } from "../latency";
import { writeNote, type Paragraph } from "../notes";
import type { BenchServer } from "../servers/bench-server";
import { sleep, until } from "../wait";
import { ms, type Measured } from "./measured";

export type BroadcastOptions = { readers: number; rate: number; seconds: number };

export async function broadcastLatency(server: BenchServer, paragraphs: readonly Paragraph[], { readers, rate, seconds }: BroadcastOptions): Promise<Measured> {
  const room = await server.room(readers + 1);
  const [writerPerson, ...readerPeople] = room.people;
  const recorder = new LatencyRecorder(readers);
  const common = { url: room.url, room: room.id, wire: server.wire, origin: server.origin };
  const pool = await openPool({ ...common, people: readerPeople, parallel: 50, onAnnotation: (key, at) => recorder.received(key, at) });
  const writer = connectBenchClient({ ...common, cookie: writerPerson!.cookie });
  try {
    await writer.synced;
    await sleep(500); // let the joins' own traffic settle before timing anything
    const total = Math.round(rate * seconds);
    const interval = 1000 / rate;
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const wait = start + i * interval - performance.now();
      // Always yield, so the readers in this process read their frames between sends.
      await sleep(Math.max(0, wait));
      const at = performance.now();
      recorder.sending(writeNote(writer.doc, writerPerson!, paragraphs, i), at);
    }
    const achieved = total / ((performance.now() - start) / 1000);
    await until(() => recorder.complete(), 15_000, 100); // what has not arrived by then counts as lost
    const { p50, p99, ratio } = recorder.summary();
    const behind = achieved < rate * 0.95 ? `writer achieved ${achieved.toFixed(0)}/s of ${rate}/s` : undefined;
    const unsynced = pool.synced < readers ? `${readers - pool.synced} readers did not sync` : undefined;
    return { cell: `${ms(p50)} / ${ms(p99)}`, compare: p99, delivery: ratio, note: [behind, unsynced].filter(Boolean).join("; ") || undefined };
  } finally {
    await writer.close();
    await pool.close();
  }
}

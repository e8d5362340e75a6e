/**
 * Scenarios 1 to 3 and 9: one room, `readers` readers, one writer sending notes at `rate` per second for
 * `seconds`. The latency of a note at a reader runs from just before the writer's send to the arrival of the
 * frame that carried it, on the clock every thread shares (clock.ts). The readers live in worker threads
 * (reader-threads.ts), the writer alone in the main thread; it keeps to a schedule (it does not wait for
 * echoes), so every server gets the same load, and if it still falls behind, the achieved rate says so.
 * A server of several instances (room.urls) gets the readers in turn and the writer on its first; the note then
 * gives delivery and p99 per instance, which is where missing fan-out shows.
 * All but `fullReaders` of the readers are light (light-client.ts): the notes' ids are drawn before the start,
 * so light readers know the keys to look for; the full readers' documents are checked for every note at the end.
 */
import { randomUUID } from "node:crypto";
import { entryKey } from "../../../lib/doc/layout";
import { connectBenchClient } from "../client";
import { now } from "../clock";
import { LatencyRecorder } from "../latency";
import { writeNote, type Paragraph } from "../notes";
import type { BenchServer } from "../servers/bench-server";
import { openThreads } from "../threads/reader-threads";
import { sleep, until } from "../wait";
import { ms, type Measured } from "./measured";

/** `noteRate`: say the writer's achieved rate even when it kept up (for the row whose point is the rate). */
export type BroadcastOptions = { readers: number; rate: number; seconds: number; threads: number; fullReaders: number; noteRate?: boolean };

export async function broadcastLatency(
  server: BenchServer,
  paragraphs: readonly Paragraph[],
  { readers, rate, seconds, threads, fullReaders, noteRate = false }: BroadcastOptions,
): Promise<Measured> {
  const room = await server.room(readers + 1);
  const urls = room.urls ?? [room.url];
  const [writerPerson, ...readerPeople] = room.people;
  const recorder = new LatencyRecorder(readers);
  const total = Math.round(rate * seconds);
  const ids = Array.from({ length: total }, () => randomUUID());
  const keys = ids.map((id) => entryKey(writerPerson!.id, id));
  // The full readers come first, so with several instances each of the first few has one.
  const clients = readerPeople.map((person, i) => ({ url: urls[i % urls.length]!, room: room.id, person, act: "read" as const, group: i % urls.length, light: i >= fullReaders }));
  const perInstance = urls.length > 1 ? urls.map((_, k) => new LatencyRecorder(clients.filter((c) => c.group === k).length)) : [];
  const pool = await openThreads({
    wire: server.wire.name,
    origin: server.origin,
    paragraphs,
    clients,
    keys,
    parallel: 50,
    threads,
    noteEveryMs: 0,
    presenceEveryMs: [0, 0],
    echoPresence: false,
    onArrived: (key, at, group) => (recorder.received(key, at), perInstance[group]?.received(key, at)),
  });
  const writer = connectBenchClient({ url: room.url, room: room.id, wire: server.wire, origin: server.origin, cookie: writerPerson!.cookie });
  try {
    await writer.synced;
    await sleep(500); // let the joins' own traffic settle before timing anything
    pool.start();
    const interval = 1000 / rate;
    const start = now();
    for (let i = 0; i < total; i++) {
      // Always yield, so the writer's socket is served between sends; when behind, only to pending I/O (a zero
      // timeout waits a millisecond, which at 260/s would keep a late writer late).
      const wait = start + i * interval - now();
      await (wait > 0 ? sleep(wait) : new Promise<void>((resolve) => setImmediate(resolve)));
      const at = now();
      const key = writeNote(writer.doc, writerPerson!, paragraphs, i, ids[i]);
      recorder.sending(key, at);
      for (const instance of perInstance) instance.sending(key, at);
    }
    const achieved = total / ((now() - start) / 1000);
    await until(() => recorder.complete(), 15_000, 100); // what has not arrived by then counts as lost
    const check = await pool.stop();
    const { p50, p99, ratio } = recorder.summary();
    const behind = noteRate || achieved < rate * 0.95 ? `writer achieved ${achieved.toFixed(0)}/s of ${rate}/s` : undefined;
    const unsynced = pool.synced < readers ? `${readers - pool.synced} readers did not sync` : undefined;
    const instances =
      perInstance.length > 0
        ? perInstance
            .map((instance, k) => {
              const { ratio: got, p99: tail } = instance.summary();
              return `instance ${k + 1}${k === 0 ? " (the writer's)" : ""}: delivery ${got.toFixed(3)}${got > 0 ? `, p99 ${ms(tail)} ms` : ""}`;
            })
            .join(", ")
        : undefined;
    const full = check.missing === 0 ? `${check.fullReaders} full readers' documents hold every note` : `${check.missing} notes missing from ${check.fullReaders} full readers' documents`;
    return { cell: `${ms(p50)} / ${ms(p99)}`, compare: p99, delivery: ratio, note: [behind, unsynced, full, instances].filter(Boolean).join("; ") };
  } finally {
    await writer.close();
    await pool.close();
  }
}

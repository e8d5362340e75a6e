/**
 * One worker thread per process for compaction's CPU work (compact-worker.mjs), started on first use and
 * never keeping the process alive by itself.
 */
import { Worker } from "node:worker_threads";

let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, { resolve: (state: Uint8Array) => void; reject: (error: Error) => void }>();

function start(): Worker {
  const started = new Worker(new URL("./compact-worker.mjs", import.meta.url));
  started.unref();
  started.on("message", ({ id, state, error }: { id: number; state?: Uint8Array; error?: string }) => {
    const waiter = waiting.get(id);
    waiting.delete(id);
    if (error !== undefined) waiter?.reject(new Error(error));
    else waiter?.resolve(state!);
  });
  // A dead worker fails what it was given; the next compaction starts a new one.
  started.on("error", (error) => {
    for (const waiter of waiting.values()) waiter.reject(error);
    waiting.clear();
    if (worker === started) worker = null;
  });
  started.on("exit", () => {
    if (worker === started) worker = null;
  });
  return started;
}

/** The document the rows make together, encoded as one update with deleted content collected. */
export function encodeRowsInWorker(rows: Uint8Array[]): Promise<Uint8Array> {
  worker ??= start();
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker!.postMessage({ id, rows });
  });
}

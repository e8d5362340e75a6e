/**
 * The main thread's side of the reader threads: splits a scenario's clients over `threads` worker threads
 * (reader-thread.ts) in contiguous shares, so a room's clients mostly sit together, and gathers their reports.
 * With every reader's document in a worker, the main thread is left to the writer, whose schedule is then not
 * held up by readers applying what it sends; all times are on the one clock (clock.ts), so they compare as is.
 */
import { Worker } from "node:worker_threads";
import type { ClientJob, FromThread, FullCheck, Report, ThreadJob, ToThread } from "./thread-job";

export type ThreadsOptions = Omit<ThreadJob, "clients"> & {
  clients: readonly ClientJob[];
  threads: number;
  onSent?: (key: string, at: number) => void;
  onArrived?: (key: string, at: number, group: number) => void;
};

export type Threads = {
  synced: number;
  /** Presence frames and their bytes received by all clients between start and stop. */
  presence: { frames: number; bytes: number };
  start: () => void;
  /** Stops the clients' own writing and waits for what the threads saw until then, and the full readers' check. */
  stop: () => Promise<FullCheck>;
  close: () => Promise<void>;
};

const ENTRY = new URL("./reader-thread.ts", import.meta.url).href;
/**
 * Node 20 does not apply `--import tsx` in a worker's execArgv to the worker's own entry (it fails with "Unknown
 * file extension .ts"), so the worker registers tsx's loader itself before importing the TypeScript entry.
 */
const BOOT = `import("tsx/esm/api").then(({ register }) => (register(), import(${JSON.stringify(ENTRY)})))`;

export async function openThreads({ clients, threads, onSent, onArrived, ...job }: ThreadsOptions): Promise<Threads> {
  const size = Math.ceil(clients.length / threads);
  const shares = Array.from({ length: threads }, (_, t) => clients.slice(t * size, (t + 1) * size)).filter((share) => share.length > 0);
  const presence = { frames: 0, bytes: 0 };
  const onReport = (report: Report) => {
    report.sentKeys.forEach((key, i) => onSent?.(key, report.sentAt[i]!));
    report.arrivedKeys.forEach((key, i) => onArrived?.(key, report.arrivedAt[i]!, report.arrivedGroups[i]!));
    presence.frames += report.presenceFrames;
    presence.bytes += report.presenceBytes;
  };
  const workers = shares.map((share) => new ReaderThread({ ...job, clients: share }, onReport));
  try {
    const opened = await Promise.all(workers.map((w) => w.next("opened")));
    const synced = opened.reduce((sum, m) => sum + (m.type === "opened" ? m.synced : 0), 0);
    return {
      synced,
      presence,
      start: () => workers.forEach((w) => w.send({ type: "start" })),
      stop: async () => {
        const stopped = await Promise.all(workers.map((w) => (w.send({ type: "stop" }), w.next("stopped"))));
        return stopped.reduce((sum, m) => (m.type === "stopped" ? { fullReaders: sum.fullReaders + m.fullReaders, missing: sum.missing + m.missing } : sum), { fullReaders: 0, missing: 0 });
      },
      close: () => closeThreads(workers),
    };
  } catch (error) {
    await closeThreads(workers);
    throw error;
  }
}

async function closeThreads(workers: readonly ReaderThread[]): Promise<void> {
  await Promise.all(
    workers.map(async (w) => {
      await w.next("closed", () => w.send({ type: "close" })).catch(() => {});
      await w.worker.terminate();
    }),
  );
}

/** One worker, with a way to wait for its next message of a kind; a failed worker fails every wait. */
class ReaderThread {
  readonly worker: Worker;
  private readonly waiting = new Map<string, { resolve: (m: FromThread) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;

  constructor(job: ThreadJob, onReport: (report: Report) => void) {
    this.worker = new Worker(BOOT, { eval: true, workerData: job });
    this.worker.on("message", (message: FromThread) => {
      if (message.type === "report") return onReport(message);
      if (message.type === "failed") return this.fail(new Error(`a reader thread failed: ${message.message}`));
      this.waiting.get(message.type)?.resolve(message);
      this.waiting.delete(message.type);
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`a reader thread exited with ${code}`)));
  }

  send(message: ToThread) {
    this.worker.postMessage(message);
  }

  /** Resolves with the next message of `type` (after calling `then`, if given, once the wait is in place). */
  next(type: FromThread["type"], then?: () => void): Promise<FromThread> {
    if (this.failure) return Promise.reject(this.failure);
    const waited = new Promise<FromThread>((resolve, reject) => this.waiting.set(type, { resolve, reject }));
    then?.();
    return waited;
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}

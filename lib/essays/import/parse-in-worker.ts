/**
 * Parses an uploaded PDF or .docx in a worker thread of its own (parse-worker.mjs), so that a hostile or merely
 * enormous file costs that thread and never the server's, which serves every page and every live room. Each parse
 * gets PARSE_TIMEOUT_MS and PARSE_MEMORY_MB of JavaScript heap; past either the worker is stopped and the
 * instructor told what to do. At most MAX_PARSE_WORKERS run at once, so a burst of uploads cannot take all memory:
 * the others wait their turn, their time starting when their worker does.
 *
 * The memory limit is V8's heap; array buffers (a PDF's decoded streams) are outside it. The upload's 10 MB cap and
 * pdf.js's own stream limits bound those.
 *
 * If no worker can be started at all (the worker file missing from a build), the file is parsed on this thread as
 * before, with an error in the log: an import that works unprotected beats one that always fails.
 */
import { Worker } from "node:worker_threads";
import { AppError, AppErrorCode } from "../../errors/app-error";
import { MAX_PARSE_WORKERS, PARSE_MEMORY_MB, PARSE_TIMEOUT_MS } from "./limits";
import type { DocxParse, PdfParse } from "./parse-document.mjs";

export type ParseLimits = { timeoutMs?: number; memoryMb?: number };
type Job = { kind: "pdf"; options: { maxPages: number } } | { kind: "docx"; options: { styleMap: string[] } };

export const FILE_TOO_SLOW = `Reading this file took more than ${PARSE_TIMEOUT_MS / 1000} seconds, far longer than an essay's text needs: it may be damaged. Open it and save or export it again, or paste its text instead.`;
export const FILE_TOO_COMPLEX =
  "Reading this file needed far more memory than an essay's text does: it may be damaged, or hold much besides the essay. Save only the essay's pages, or paste its text instead.";

let running = 0;
const waiting: Array<() => void> = [];

function takeTurn(): Promise<void> {
  if (running < MAX_PARSE_WORKERS) {
    running++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

// A finished parse hands its place straight to the next in line.
function giveTurn(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

class WorkerUnavailable extends Error {}

function runWorker<T>(job: Job, bytes: Uint8Array, { timeoutMs = PARSE_TIMEOUT_MS, memoryMb = PARSE_MEMORY_MB }: ParseLimits): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./parse-worker.mjs", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
    } catch (error) {
      reject(new WorkerUnavailable(String(error)));
      return;
    }
    let ready = false;
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new AppError(AppErrorCode.InvalidInput, FILE_TOO_SLOW))), timeoutMs);
    worker.on("message", (message: { ready?: true; result?: T }) => {
      if (message.ready) {
        ready = true;
        // A copy, handed over rather than cloned: the caller's bytes stay whole.
        const copy = new Uint8Array(bytes);
        worker.postMessage({ kind: job.kind, bytes: copy, options: job.options }, [copy.buffer]);
      } else finish(() => resolve(message.result as T));
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") finish(() => reject(new AppError(AppErrorCode.InvalidInput, FILE_TOO_COMPLEX)));
      else if (!ready) finish(() => reject(new WorkerUnavailable(String(error))));
      // The parsers turn what they expect into values; what escapes them is a file that broke them.
      else finish(() => resolve({ failure: "unreadable" } as T));
    });
    worker.on("exit", () => finish(() => (ready ? resolve({ failure: "unreadable" } as T) : reject(new WorkerUnavailable("the worker exited before loading")))));
  });
}

let warned = false;

async function parse<T>(job: Job, bytes: Uint8Array, limits: ParseLimits, inThisThread: () => Promise<T>): Promise<T> {
  await takeTurn();
  try {
    return await runWorker<T>(job, bytes, limits);
  } catch (error) {
    if (!(error instanceof WorkerUnavailable)) throw error;
    if (!warned) console.error(`Essay import: no worker thread could be started (${error.message}); files are parsed on the server's own thread.`);
    warned = true;
    return inThisThread();
  } finally {
    giveTurn();
  }
}

export function parsePdfInWorker(bytes: Uint8Array, options: { maxPages: number }, limits: ParseLimits = {}): Promise<PdfParse> {
  // pdf.js takes the buffer it is given over; a copy keeps the caller's bytes usable.
  return parse({ kind: "pdf", options }, bytes, limits, async () => (await import("./parse-document.mjs")).parsePdf(new Uint8Array(bytes), options));
}

export function parseDocxInWorker(bytes: Uint8Array, options: { styleMap: string[] }, limits: ParseLimits = {}): Promise<DocxParse> {
  return parse({ kind: "docx", options }, bytes, limits, async () => (await import("./parse-document.mjs")).parseDocx(bytes, options));
}

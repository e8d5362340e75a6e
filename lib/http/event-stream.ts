/** Keeps proxies and the browser from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

export type EventStreamSource = {
  /** Starts watching; `changed` is to be called whenever the client should hear again. Returns the stop. */
  subscribe: (changed: () => void) => () => void;
  /** What to send now; null sends nothing (unchanged, or not available for a moment). */
  read: () => Promise<unknown>;
  /** At most one read per this many milliseconds, so a burst of changes costs one query (default 0). */
  minIntervalMs?: number;
};

/**
 * A Server-Sent Events response: `read()` once on connecting, then again after each change, sent as a `data:`
 * line when it differs from the last one sent. Reads never overlap; a change during a read schedules one more.
 * Ends when the client goes away. EventSource reconnects by itself, and a reconnect reads afresh.
 */
export function eventStream(request: Request, { subscribe, read, minIntervalMs = 0 }: EventStreamSource): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last: string | null = null;
      let reading = false;
      let again = false;
      let closed = false;
      let lastReadAt = 0;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const enqueue = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          closed = true;
        }
      };
      const send = async (): Promise<void> => {
        if (closed) return;
        if (reading) return void (again = true);
        const wait = lastReadAt + minIntervalMs - Date.now();
        if (wait > 0) {
          timer ??= setTimeout(() => {
            timer = null;
            void send();
          }, wait);
          return;
        }
        reading = true;
        lastReadAt = Date.now();
        try {
          const value = await read();
          const text = value === null ? null : JSON.stringify(value);
          if (text !== null && text !== last) {
            last = text;
            enqueue(`data: ${text}\n\n`);
          }
        } catch {
          // The database is briefly away: the next change or reconnect sends it.
        } finally {
          reading = false;
          if (again) {
            again = false;
            void send();
          }
        }
      };
      const unsubscribe = subscribe(() => void send());
      const keepalive = setInterval(() => enqueue(": keepalive\n\n"), KEEPALIVE_MS);
      cleanup = () => {
        closed = true;
        unsubscribe();
        clearInterval(keepalive);
        if (timer) clearTimeout(timer);
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      void send();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" },
  });
}

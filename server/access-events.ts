/**
 * Hears about losses of access (AccessEvent: removals from seminars, sign-outs) from any server instance, on one
 * dedicated PostgreSQL connection that LISTENs on the access channel. If that connection drops it reconnects,
 * and since events may have been missed meanwhile it asks for a full recheck (`onResync`) each time it is
 * listening again, the first time included (connections admitted before it listened).
 */
import pg from "pg";
import { ACCESS_CHANNEL, AccessEventSchema, type AccessEvent } from "../lib/live/access-events";

export type AccessEventOptions = {
  onEvent: (event: AccessEvent) => void;
  onResync: () => void;
  log: (message: string) => void;
  /** First wait before reconnecting; doubles per failed try, up to 5 s. */
  retryMs?: number;
};

export type AccessEventListener = {
  /** Resolves once the listener is listening (the first time). */
  ready: Promise<void>;
  close: () => Promise<void>;
};

// Named so the connection can be told apart in pg_stat_activity (and found by the tests that cut it).
export const LISTENER_APPLICATION_NAME = "gloss-access-events";

export function listenForAccessEvents(databaseUrl: string, { onEvent, onResync, log, retryMs = 250 }: AccessEventOptions): AccessEventListener {
  let stopped = false;
  let current: pg.Client | null = null;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  function receive(message: pg.Notification) {
    if (message.channel !== ACCESS_CHANNEL) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message.payload ?? "");
    } catch {
      payload = null;
    }
    const parsed = AccessEventSchema.safeParse(payload);
    if (parsed.success) onEvent(parsed.data);
    else log(`ignoring a malformed access event: ${message.payload ?? ""}`);
  }

  async function connect(wait: number): Promise<void> {
    while (!stopped) {
      const client = new pg.Client({ connectionString: databaseUrl, application_name: LISTENER_APPLICATION_NAME });
      let listening = false;
      const onLost = (why: string) => {
        if (!listening) return; // before that, connect() or LISTEN fails and the loop below retries
        listening = false;
        if (current === client) current = null;
        client.end().catch(() => {});
        if (stopped) return;
        log(`access events: connection lost (${why}); reconnecting`);
        void connect(retryMs);
      };
      // pg emits "error" on an idle client whose connection broke; without a listener it would crash the process.
      client.on("error", (error) => onLost(error.message));
      client.on("end", () => onLost("ended"));
      client.on("notification", receive);
      try {
        await client.connect();
        await client.query(`LISTEN ${ACCESS_CHANNEL}`);
      } catch (error) {
        client.end().catch(() => {});
        if (stopped) return;
        log(`access events: cannot listen (${(error as Error).message}); retrying in ${wait} ms`);
        await new Promise((resolve) => setTimeout(resolve, wait).unref());
        wait = Math.min(wait * 2, 5000);
        continue;
      }
      if (stopped) return void client.end().catch(() => {});
      listening = true;
      current = client;
      onResync();
      markReady();
      return;
    }
  }

  void connect(retryMs);
  return {
    ready,
    async close() {
      stopped = true;
      await current?.end().catch(() => {});
      current = null;
    },
  };
}

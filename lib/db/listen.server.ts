/**
 * One dedicated PostgreSQL connection that LISTENs on a channel and calls `onMessage` with each payload. If the
 * connection drops it reconnects (backing off up to 5 s) and calls `onListening` again, since messages may have
 * been missed meanwhile.
 */
import pg from "pg";

export type ListenOptions = {
  onMessage: (payload: string) => void;
  /** Called each time it is listening, the first time included: whatever was missed meanwhile is the caller's to catch up. */
  onListening?: () => void;
  log: (message: string) => void;
  /** Names the connection in pg_stat_activity (tests find it there to cut it). */
  applicationName: string;
  /** First wait before reconnecting; doubles per failed try, up to 5 s. */
  retryMs?: number;
};

export type Listener = { ready: Promise<void>; close: () => Promise<void> };

export function listen(databaseUrl: string, channel: string, { onMessage, onListening, log, applicationName, retryMs = 250 }: ListenOptions): Listener {
  let stopped = false;
  let current: pg.Client | null = null;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  async function connect(wait: number): Promise<void> {
    while (!stopped) {
      const client = new pg.Client({ connectionString: databaseUrl, application_name: applicationName });
      let listening = false;
      const onLost = (why: string) => {
        if (!listening) return;
        listening = false;
        if (current === client) current = null;
        client.end().catch(() => {});
        if (stopped) return;
        log(`${channel}: connection lost (${why}); reconnecting`);
        void connect(retryMs);
      };
      // pg emits "error" on an idle client whose connection broke; without a listener it would crash the process.
      client.on("error", (error) => onLost(error.message));
      client.on("end", () => onLost("ended"));
      client.on("notification", (message) => {
        if (message.channel === channel) onMessage(message.payload ?? "");
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${channel}`);
      } catch (error) {
        client.end().catch(() => {});
        if (stopped) return;
        log(`${channel}: cannot listen (${(error as Error).message}); retrying in ${wait} ms`);
        await new Promise((resolve) => setTimeout(resolve, wait).unref());
        wait = Math.min(wait * 2, 5000);
        continue;
      }
      if (stopped) return void client.end().catch(() => {});
      listening = true;
      current = client;
      onListening?.();
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

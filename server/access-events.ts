/**
 * Hears about losses of access (AccessEvent: removals from seminars, sign-outs, essays taken off a list, archived
 * seminars) from any server instance, on one dedicated PostgreSQL connection that LISTENs on the access channel
 * (lib/db/listen.server.ts). Since events may have been missed while it was not listening, it asks for a full
 * recheck (`onResync`) each time it is listening again, the first time included (connections admitted before).
 */
import { listen, type Listener } from "../lib/db/listen.server";
import { ACCESS_CHANNEL, AccessEventSchema, type AccessEvent } from "../lib/live/access-events";

export type AccessEventOptions = {
  onEvent: (event: AccessEvent) => void;
  onResync: () => void;
  log: (message: string) => void;
  /** First wait before reconnecting; doubles per failed try, up to 5 s. */
  retryMs?: number;
};

export type AccessEventListener = Listener;

// Named so the connection can be told apart in pg_stat_activity (and found by the tests that cut it).
export const LISTENER_APPLICATION_NAME = "gloss-access-events";

export function listenForAccessEvents(databaseUrl: string, { onEvent, onResync, log, retryMs }: AccessEventOptions): AccessEventListener {
  return listen(databaseUrl, ACCESS_CHANNEL, {
    applicationName: LISTENER_APPLICATION_NAME,
    retryMs,
    log: (message) => log(`access events: ${message}`),
    onListening: onResync,
    onMessage(payload) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(payload);
      } catch {
        parsed = null;
      }
      const event = AccessEventSchema.safeParse(parsed);
      if (event.success) onEvent(event.data);
      else log(`ignoring a malformed access event: ${payload}`);
    },
  });
}

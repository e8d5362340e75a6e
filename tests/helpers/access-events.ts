import pg from "pg";
import { ACCESS_CHANNEL, type AccessEvent } from "../../lib/live/access-events";

export type EventLog = { events: AccessEvent[]; next: (count: number) => Promise<AccessEvent[]>; close: () => Promise<void> };

/** Listens on the access channel of a test database, as a websocket server does, and keeps what it hears. */
export async function listenToAccessEvents(databaseUrl: string): Promise<EventLog> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`LISTEN ${ACCESS_CHANNEL}`);
  const events: AccessEvent[] = [];
  const waiting: Array<() => void> = [];
  client.on("notification", (message) => {
    events.push(JSON.parse(message.payload ?? "null") as AccessEvent);
    waiting.splice(0).forEach((wake) => wake());
  });
  return {
    events,
    /** Resolves with everything heard so far once at least `count` events have arrived. */
    next: (count) =>
      new Promise((resolve) => {
        const check = () => (events.length >= count ? resolve([...events]) : waiting.push(check));
        check();
      }),
    close: () => client.end(),
  };
}

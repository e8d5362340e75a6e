/**
 * Live dashboards hear of new activity in a room through `NOTIFY gloss_activity` (lib/rooms). Announced once per
 * copy run, a hundred busy rooms made hundreds of NOTIFYs a second; gathered for a quarter of a second, they are a
 * few, each naming every room that changed. Dashboards refresh at most once a second anyway.
 */
import { ACTIVITY_CHANNEL } from "../lib/rooms/activity-channel";
import type { Sql } from "./sql-pool";

const WINDOW_MS = 250;
/** A NOTIFY payload holds at most 8,000 bytes; room ids are about 50 characters. */
const ROOMS_PER_NOTIFY = 100;

const pending = new WeakMap<Sql, { rooms: Set<string>; log: (message: string) => void }>();

export function announceActivity(sql: Sql, roomId: string, log: (message: string) => void): void {
  let batch = pending.get(sql);
  if (!batch) {
    const started = { rooms: new Set<string>(), log };
    pending.set(sql, (batch = started));
    setTimeout(() => {
      pending.delete(sql);
      void flush(sql, [...started.rooms], started.log);
    }, WINDOW_MS).unref();
  }
  batch.rooms.add(roomId);
}

async function flush(sql: Sql, roomIds: string[], log: (message: string) => void): Promise<void> {
  for (let i = 0; i < roomIds.length; i += ROOMS_PER_NOTIFY) {
    const payload = JSON.stringify({ roomIds: roomIds.slice(i, i + ROOMS_PER_NOTIFY) });
    await sql.query("SELECT pg_notify($1, $2)", [ACTIVITY_CHANNEL, payload]).catch((error: unknown) => log(`activity not announced: ${String(error)}`));
  }
}

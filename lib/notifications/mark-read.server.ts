import type { Db } from "../db/client.server";
import { NOTIFICATIONS_CHANNEL } from "./channel";

/**
 * Marks one of the reader's notifications read, or all of them. Only the reader's own: an id of someone else's
 * changes nothing. Announced like a new one, so every open tab's count follows.
 */
export async function markRead(db: Db, { userId, id }: { userId: string; id?: string }): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...(id ? { id } : {}) },
    data: { readAt: new Date() },
  });
  if (count > 0) await db.$executeRaw`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, ${JSON.stringify({ userIds: [userId] })})`;
  return count;
}

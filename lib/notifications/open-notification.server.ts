import type { Db } from "../db/client.server";
import { markRead } from "./mark-read.server";

/** Where the reader's notification leads, marking it read; null for an id that is not theirs. */
export async function openNotification(db: Db, { userId, id }: { userId: string; id: string }): Promise<string | null> {
  const notification = await db.notification.findFirst({ where: { id, userId }, select: { href: true } });
  if (!notification) return null;
  await markRead(db, { userId, id });
  return notification.href;
}

import type { Db } from "../db/client.server";

/** A reader's latest notifications, newest first, with how many are unread. */
export async function listNotifications(db: Db, { userId, take = 50 }: { userId: string; take?: number }) {
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, kind: true, title: true, excerpt: true, href: true, createdAt: true, readAt: true },
    }),
    countUnread(db, userId),
  ]);
  return { items, unread };
}

export function countUnread(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

import type { Db } from "../db/client.server";
import type { Comment } from "../doc/layout";
import { NOTIFICATIONS_CHANNEL } from "./channel";

const EXCERPT_LENGTH = 160;

/**
 * Tells members about new comments in a seminar's room: the author of the comment replied to (unless they
 * replied to themselves) and every member mentioned (once per person: a mentioned parent author is told of
 * the reply). Called by the websocket server when it first stores comments; a notification names its comment,
 * so copying a room again tells nobody twice. Private notes and the open room tell no one. Returns who was told.
 */
export async function notifyAboutComments(db: Db, { roomId, comments }: { roomId: string; comments: Comment[] }): Promise<string[]> {
  // Only replies and mentions tell anyone: most comments start threads, and cost no query here.
  const fresh = comments.filter((c) => !c.withheld && (c.parentId !== null || (c.mentions ?? []).length > 0));
  if (fresh.length === 0) return [];
  const room = await db.room.findUnique({
    where: { id: roomId },
    select: { seminarId: true, essay: { select: { slug: true } }, seminar: { select: { members: { select: { userId: true } } } } },
  });
  if (!room?.seminarId || !room.seminar) return [];
  const members = new Set(room.seminar.members.map((m) => m.userId));
  const parentIds = [...new Set(fresh.map((c) => c.parentId).filter((id): id is string => id !== null))];
  const parents = await db.comment.findMany({ where: { roomId, id: { in: parentIds } }, select: { id: true, authorId: true } });
  const parentAuthor = new Map(parents.map((p) => [p.id, p.authorId]));

  const rows = fresh.flatMap((c) => {
    const told = new Set<string>();
    const excerpt = c.body.length > EXCERPT_LENGTH ? `${c.body.slice(0, EXCERPT_LENGTH - 1)}…` : c.body;
    const href = `/seminars/${room.seminarId}/essays/${room.essay.slug}#thread-${c.annotationId}`;
    const row = (userId: string, kind: "reply" | "mention", title: string) => {
      if (userId === c.authorId || !members.has(userId) || told.has(userId)) return [];
      told.add(userId);
      return [{ userId, kind, key: `${kind}:${roomId}:${c.id}`, title, excerpt, href }];
    };
    const repliedTo = c.parentId ? parentAuthor.get(c.parentId) : undefined;
    return [
      ...(repliedTo ? row(repliedTo, "reply", `${c.authorName} replied to your comment`) : []),
      ...(c.mentions ?? []).flatMap((id) => row(id, "mention", `${c.authorName} mentioned you`)),
    ];
  });
  if (rows.length === 0) return [];
  const created = await db.notification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { userId: true } });
  const userIds = [...new Set(created.map((n) => n.userId))];
  if (userIds.length > 0) await db.$executeRaw`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, ${JSON.stringify({ userIds })})`;
  return userIds;
}

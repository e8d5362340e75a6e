/**
 * Writes a room's changed entries to the relational tables (Annotation, Comment, Reaction), keyed by room
 * and id. A hidden comment's row keeps its text (from the withheld store: the live document has only a
 * stub), for instructors' exports. Entries gone from the document are marked deleted, never removed.
 */
import * as Y from "yjs";
import type { Db } from "../lib/db/client.server";
import {
  ANNOTATIONS,
  AnnotationSchema,
  COMMENTS,
  CommentSchema,
  HIDDEN,
  parseEntryKey,
  REACTIONS,
  ReactionSchema,
  RESOLVED,
  type Comment,
  type Moderation,
} from "../lib/doc/layout";

/** Keys of changed entries; a comment is also dirty when it is hidden, resolved or shown again. */
export type DirtyKeys = { annotations: Set<string>; comments: Set<string>; reactions: Set<string> };

export type CopyInput = {
  roomId: string;
  doc: Y.Doc;
  dirty: DirtyKeys;
  withheld: ReadonlyMap<string, Comment>;
  /** When the server first accepted the entry under this key, if it was in this process. */
  receivedAt: (key: string) => Date | undefined;
};

/** Copies the entries; returns the comments copied for the first time (those the server just accepted). */
export async function copyEntries(db: Db, { roomId, doc, dirty, withheld, receivedAt }: CopyInput): Promise<{ newComments: Comment[] }> {
  const annotations = doc.getMap(ANNOTATIONS);
  const comments = doc.getMap(COMMENTS);
  const reactions = doc.getMap(REACTIONS);
  const hidden = doc.getMap<Moderation>(HIDDEN);
  const resolved = doc.getMap<Moderation>(RESOLVED);
  const at = (entry: Moderation | undefined) => (entry ? new Date(entry.at) : null);
  const now = new Date();
  const writes: Array<() => Promise<unknown>> = [];
  const gone = { annotations: [] as string[], comments: [] as string[] };
  const newComments: Comment[] = [];

  for (const key of dirty.annotations) {
    const parsed = AnnotationSchema.safeParse(annotations.get(key));
    if (!parsed.success) {
      const id = parseEntryKey(key)?.id;
      if (id) gone.annotations.push(id);
      continue;
    }
    const a = parsed.data;
    const [quote, position] = a.selector ?? [null, null];
    const row = {
      paragraphId: a.paragraphId,
      authorId: a.authorId,
      kind: a.kind,
      color: a.color,
      quote: quote?.exact ?? null,
      prefix: quote?.prefix ?? null,
      suffix: quote?.suffix ?? null,
      start: position?.start ?? null,
      end: position?.end ?? null,
      createdAt: new Date(a.createdAt),
      deletedAt: null,
    };
    const create = { id: a.id, roomId, ...row, receivedAt: receivedAt(key) ?? now };
    writes.push(() => db.annotation.upsert({ where: { roomId_id: { roomId, id: a.id } }, create, update: row }));
  }
  for (const key of dirty.comments) {
    const stored = comments.get(key) as Comment | undefined;
    const parsed = CommentSchema.safeParse(stored?.withheld ? (withheld.get(stored.id) ?? stored) : stored);
    if (!parsed.success) {
      const id = parseEntryKey(key)?.id;
      if (id) gone.comments.push(id);
      continue;
    }
    const c = parsed.data;
    const row = {
      annotationId: c.annotationId,
      parentId: c.parentId,
      authorId: c.authorId,
      createdAt: new Date(c.createdAt),
      editedAt: c.editedAt === null ? null : new Date(c.editedAt),
      tags: c.tags,
      mentions: c.mentions,
      hiddenAt: at(hidden.get(c.id)),
      resolvedAt: at(resolved.get(c.id)),
      deletedAt: null,
      // A stub whose full entry is missing keeps the text the row already has.
      ...(c.withheld ? {} : { body: c.body }),
    };
    const received = receivedAt(key);
    if (received && !c.withheld) newComments.push(c);
    const create = { id: c.id, roomId, body: c.body, ...row, receivedAt: received ?? now };
    writes.push(() => db.comment.upsert({ where: { roomId_id: { roomId, id: c.id } }, create, update: row }));
  }
  for (const key of dirty.reactions) {
    const owner = parseEntryKey(key);
    if (!owner) continue;
    const parsed = ReactionSchema.safeParse(reactions.get(key));
    const ids = { roomId, commentId: owner.id, userId: owner.authorId };
    if (!parsed.success) {
      writes.push(() => db.reaction.deleteMany({ where: ids }));
      continue;
    }
    const row = { emoji: parsed.data.reaction, createdAt: new Date(parsed.data.createdAt) };
    writes.push(() => db.reaction.upsert({ where: { roomId_commentId_userId: ids }, create: { ...ids, ...row }, update: row }));
  }
  if (gone.annotations.length) {
    writes.push(() => db.annotation.updateMany({ where: { roomId, id: { in: gone.annotations } }, data: { deletedAt: now } }));
  }
  if (gone.comments.length) {
    writes.push(() => db.comment.updateMany({ where: { roomId, id: { in: gone.comments } }, data: { deletedAt: now } }));
  }
  if (!writes.length) return { newComments };
  try {
    await db.$transaction(writes.map((write) => write() as never));
  } catch {
    // One bad row (say, a comment whose annotation never existed) must not hold back the others.
    for (const write of writes) {
      await write().catch((error: unknown) => console.warn(`[gloss] room ${roomId}: row not copied:`, String(error)));
    }
  }
  return { newComments };
}

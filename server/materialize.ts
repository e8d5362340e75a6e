/**
 * Keeps the relational copy of a room's annotations and comments (tables Annotation and Comment) in step with
 * its live document, for exports and analytics. The update log stays the source of truth: a room that is
 * loaded is materialized whole, so a copy that fell behind (a crash between log and copy) catches up.
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
  type Moderation,
} from "../lib/doc/layout";

/** Keys of changed entries; a comment is also dirty when it is hidden, resolved or shown again. */
export type DirtyKeys = { annotations: Set<string>; comments: Set<string>; reactions: Set<string> };

export function noKeys(): DirtyKeys {
  return { annotations: new Set(), comments: new Set(), reactions: new Set() };
}

export function allKeys(doc: Y.Doc): DirtyKeys {
  return {
    annotations: new Set(doc.getMap(ANNOTATIONS).keys()),
    comments: new Set(doc.getMap(COMMENTS).keys()),
    reactions: new Set(doc.getMap(REACTIONS).keys()),
  };
}

export function isEmpty(dirty: DirtyKeys): boolean {
  return dirty.annotations.size + dirty.comments.size + dirty.reactions.size === 0;
}

export async function materialize(db: Db, roomId: string, doc: Y.Doc, dirty: DirtyKeys): Promise<void> {
  const annotations = doc.getMap(ANNOTATIONS);
  const comments = doc.getMap(COMMENTS);
  const reactions = doc.getMap(REACTIONS);
  const hidden = doc.getMap<Moderation>(HIDDEN);
  const resolved = doc.getMap<Moderation>(RESOLVED);
  const at = (entry: Moderation | undefined) => (entry ? new Date(entry.at) : null);
  const now = new Date();
  const writes: Array<() => Promise<unknown>> = [];
  const gone = { annotations: [] as string[], comments: [] as string[] };

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
    writes.push(() => db.annotation.upsert({ where: { id: a.id }, create: { id: a.id, roomId, ...row }, update: row }));
  }
  for (const key of dirty.comments) {
    const parsed = CommentSchema.safeParse(comments.get(key));
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
      body: c.body,
      createdAt: new Date(c.createdAt),
      editedAt: c.editedAt === null ? null : new Date(c.editedAt),
      tags: c.tags,
      mentions: c.mentions,
      hiddenAt: at(hidden.get(c.id)),
      resolvedAt: at(resolved.get(c.id)),
      deletedAt: null,
    };
    writes.push(() => db.comment.upsert({ where: { id: c.id }, create: { id: c.id, roomId, ...row }, update: row }));
  }
  for (const key of dirty.reactions) {
    const owner = parseEntryKey(key);
    if (!owner) continue;
    const parsed = ReactionSchema.safeParse(reactions.get(key));
    const where = { commentId_userId: { commentId: owner.id, userId: owner.authorId } };
    if (!parsed.success) {
      writes.push(() => db.reaction.deleteMany({ where: { commentId: owner.id, userId: owner.authorId } }));
      continue;
    }
    const row = { emoji: parsed.data.reaction, createdAt: new Date(parsed.data.createdAt) };
    writes.push(() => db.reaction.upsert({ where, create: { commentId: owner.id, userId: owner.authorId, ...row }, update: row }));
  }
  if (gone.annotations.length) {
    writes.push(() => db.annotation.updateMany({ where: { roomId, id: { in: gone.annotations } }, data: { deletedAt: now } }));
  }
  if (gone.comments.length) {
    writes.push(() => db.comment.updateMany({ where: { roomId, id: { in: gone.comments } }, data: { deletedAt: now } }));
  }
  if (!writes.length) return;
  try {
    await db.$transaction(writes.map((write) => write() as never));
  } catch {
    // One bad row (say, a comment whose annotation never existed) must not hold back the others.
    for (const write of writes) {
      await write().catch((error: unknown) => console.warn(`[gloss] room ${roomId}: row not copied:`, String(error)));
    }
  }
}

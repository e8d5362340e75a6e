/**
 * Writes a room's changed entries to the relational tables (Annotation, Comment, Reaction), keyed by room
 * and id. A hidden comment's row keeps its text (from the withheld store: the live document has only a
 * stub), for instructors' exports. Entries gone from the document are marked deleted, never removed.
 * One statement per run, whatever the number of entries: a room loaded with ten thousand of them is copied in
 * one, and a busy room's copy is one round trip.
 */
import * as Y from "yjs";
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
import type { Sql } from "./sql-pool";

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

// Times travel as ISO strings and land in `timestamp(3)` columns as UTC, as Prisma writes them.
const UTC_NOW = `(now() AT TIME ZONE 'UTC')`;

/**
 * One statement for a whole run, so a busy room's copy is one round trip without a transaction around it: each
 * part is a data-modifying WITH, all parts see the same snapshot, and foreign keys are checked at the statement's
 * end, when a comment's annotation inserted by the same statement is there. Empty parts touch nothing.
 * $1 room, $2 annotations, $3 comments, $4 comments that keep their body (stubs whose full entry is missing),
 * $5 reactions, $6/$7 reactions gone (comment ids, user ids), $8 annotations gone, $9 comments gone.
 */
const COPY = {
  name: "gloss-copy-entries",
  text: `WITH
  annotations AS (
    INSERT INTO "Annotation" ("roomId", "id", "paragraphId", "authorId", "kind", "color", "quote", "prefix", "suffix", "start", "end", "createdAt", "receivedAt", "updatedAt", "deletedAt")
    SELECT $1, r."id", r."paragraphId", r."authorId", r."kind", r."color", r."quote", r."prefix", r."suffix", r."start", r."end", r."createdAt", r."receivedAt", ${UTC_NOW}, NULL
    FROM jsonb_to_recordset($2::jsonb) AS r("id" text, "paragraphId" text, "authorId" text, "kind" text, "color" text, "quote" text, "prefix" text, "suffix" text, "start" int, "end" int, "createdAt" timestamp(3), "receivedAt" timestamp(3))
    ON CONFLICT ("roomId", "id") DO UPDATE SET "paragraphId" = EXCLUDED."paragraphId", "authorId" = EXCLUDED."authorId", "kind" = EXCLUDED."kind",
      "color" = EXCLUDED."color", "quote" = EXCLUDED."quote", "prefix" = EXCLUDED."prefix", "suffix" = EXCLUDED."suffix", "start" = EXCLUDED."start",
      "end" = EXCLUDED."end", "createdAt" = EXCLUDED."createdAt", "updatedAt" = EXCLUDED."updatedAt", "deletedAt" = NULL
    RETURNING 1),
  comments AS (
    INSERT INTO "Comment" ("roomId", "id", "annotationId", "parentId", "authorId", "body", "createdAt", "receivedAt", "editedAt", "tags", "mentions", "hiddenAt", "resolvedAt", "updatedAt", "deletedAt")
    SELECT $1, r."id", r."annotationId", r."parentId", r."authorId", r."body", r."createdAt", r."receivedAt", r."editedAt", r."tags", r."mentions", r."hiddenAt", r."resolvedAt", ${UTC_NOW}, NULL
    FROM jsonb_to_recordset($3::jsonb) AS r("id" text, "annotationId" text, "parentId" text, "authorId" text, "body" text, "createdAt" timestamp(3), "receivedAt" timestamp(3),
      "editedAt" timestamp(3), "tags" text[], "mentions" text[], "hiddenAt" timestamp(3), "resolvedAt" timestamp(3))
    ON CONFLICT ("roomId", "id") DO UPDATE SET "annotationId" = EXCLUDED."annotationId", "parentId" = EXCLUDED."parentId", "authorId" = EXCLUDED."authorId",
      "body" = CASE WHEN EXCLUDED."id" = ANY($4::text[]) THEN "Comment"."body" ELSE EXCLUDED."body" END,
      "createdAt" = EXCLUDED."createdAt", "editedAt" = EXCLUDED."editedAt", "tags" = EXCLUDED."tags", "mentions" = EXCLUDED."mentions",
      "hiddenAt" = EXCLUDED."hiddenAt", "resolvedAt" = EXCLUDED."resolvedAt", "updatedAt" = EXCLUDED."updatedAt", "deletedAt" = NULL
    RETURNING 1),
  reactions AS (
    INSERT INTO "Reaction" ("roomId", "commentId", "userId", "emoji", "createdAt")
    SELECT $1, r."commentId", r."userId", r."emoji", r."createdAt"
    FROM jsonb_to_recordset($5::jsonb) AS r("commentId" text, "userId" text, "emoji" text, "createdAt" timestamp(3))
    ON CONFLICT ("roomId", "commentId", "userId") DO UPDATE SET "emoji" = EXCLUDED."emoji", "createdAt" = EXCLUDED."createdAt"
    RETURNING 1),
  reactions_gone AS (
    DELETE FROM "Reaction" WHERE "roomId" = $1 AND ("commentId", "userId") IN (SELECT * FROM unnest($6::text[], $7::text[]))
    RETURNING 1),
  annotations_gone AS (
    UPDATE "Annotation" SET "deletedAt" = ${UTC_NOW}, "updatedAt" = ${UTC_NOW} WHERE "roomId" = $1 AND "id" = ANY($8::text[])
    RETURNING 1),
  comments_gone AS (
    UPDATE "Comment" SET "deletedAt" = ${UTC_NOW}, "updatedAt" = ${UTC_NOW} WHERE "roomId" = $1 AND "id" = ANY($9::text[])
    RETURNING 1)
SELECT (SELECT count(*) FROM annotations) + (SELECT count(*) FROM comments) + (SELECT count(*) FROM reactions)
  + (SELECT count(*) FROM reactions_gone) + (SELECT count(*) FROM annotations_gone) + (SELECT count(*) FROM comments_gone) AS "written"`,
};

/** The rows one run writes, as the statements above take them. */
type Rows = {
  annotations: object[];
  comments: object[];
  /** Comments whose row keeps its body: stubs whose full entry is missing. */
  keepBody: string[];
  reactions: object[];
  reactionsGone: Array<{ commentId: string; userId: string }>;
  annotationsGone: string[];
  commentsGone: string[];
};

/** Copies the entries; returns the comments copied for the first time (those the server just accepted). */
export async function copyEntries(sql: Sql, input: CopyInput): Promise<{ newComments: Comment[] }> {
  const { rows, newComments } = rowsOf(input);
  const total = rows.annotations.length + rows.comments.length + rows.reactions.length + rows.reactionsGone.length + rows.annotationsGone.length + rows.commentsGone.length;
  if (total === 0) return { newComments };
  try {
    await writeRows(sql, input.roomId, rows);
  } catch {
    // One bad row (say, a comment whose annotation never existed) must not hold back the others.
    for (const one of oneByOne(rows)) {
      await writeRows(sql, input.roomId, one).catch((error: unknown) => console.warn(`[gloss] room ${input.roomId}: row not copied:`, String(error)));
    }
  }
  return { newComments };
}

/** Annotations, comments and reactions in one statement (see COPY). */
async function writeRows(sql: Sql, roomId: string, rows: Rows): Promise<void> {
  await sql.query({
    ...COPY,
    values: [
      roomId,
      JSON.stringify(rows.annotations),
      JSON.stringify(rows.comments),
      rows.keepBody,
      JSON.stringify(rows.reactions),
      rows.reactionsGone.map((r) => r.commentId),
      rows.reactionsGone.map((r) => r.userId),
      rows.annotationsGone,
      rows.commentsGone,
    ],
  });
}

function* oneByOne(rows: Rows): Generator<Rows> {
  const none: Rows = { annotations: [], comments: [], keepBody: rows.keepBody, reactions: [], reactionsGone: [], annotationsGone: [], commentsGone: [] };
  for (const name of ["annotations", "comments", "reactions", "reactionsGone", "annotationsGone", "commentsGone"] as const) {
    for (const row of rows[name]) yield { ...none, [name]: [row] };
  }
}

function rowsOf({ doc, dirty, withheld, receivedAt }: CopyInput): { rows: Rows; newComments: Comment[] } {
  const annotations = doc.getMap(ANNOTATIONS);
  const comments = doc.getMap(COMMENTS);
  const reactions = doc.getMap(REACTIONS);
  const hidden = doc.getMap<Moderation>(HIDDEN);
  const resolved = doc.getMap<Moderation>(RESOLVED);
  const at = (entry: Moderation | undefined) => (entry ? new Date(entry.at).toISOString() : null);
  const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());
  const now = new Date();
  const rows: Rows = { annotations: [], comments: [], keepBody: [], reactions: [], reactionsGone: [], annotationsGone: [], commentsGone: [] };
  const newComments: Comment[] = [];

  for (const key of dirty.annotations) {
    const parsed = AnnotationSchema.safeParse(annotations.get(key));
    if (!parsed.success) {
      const id = parseEntryKey(key)?.id;
      if (id) rows.annotationsGone.push(id);
      continue;
    }
    const a = parsed.data;
    const [quote, position] = a.selector ?? [null, null];
    rows.annotations.push({
      id: a.id,
      paragraphId: a.paragraphId,
      authorId: a.authorId,
      kind: a.kind,
      color: a.color,
      quote: quote?.exact ?? null,
      prefix: quote?.prefix ?? null,
      suffix: quote?.suffix ?? null,
      start: position?.start ?? null,
      end: position?.end ?? null,
      createdAt: iso(a.createdAt),
      receivedAt: (receivedAt(key) ?? now).toISOString(),
    });
  }
  for (const key of dirty.comments) {
    const stored = comments.get(key) as Comment | undefined;
    const parsed = CommentSchema.safeParse(stored?.withheld ? (withheld.get(stored.id) ?? stored) : stored);
    if (!parsed.success) {
      const id = parseEntryKey(key)?.id;
      if (id) rows.commentsGone.push(id);
      continue;
    }
    const c = parsed.data;
    const received = receivedAt(key);
    if (received && !c.withheld) newComments.push(c);
    if (c.withheld) rows.keepBody.push(c.id);
    rows.comments.push({
      id: c.id,
      annotationId: c.annotationId,
      parentId: c.parentId,
      authorId: c.authorId,
      body: c.body,
      createdAt: iso(c.createdAt),
      receivedAt: (received ?? now).toISOString(),
      editedAt: iso(c.editedAt),
      tags: c.tags,
      mentions: c.mentions,
      hiddenAt: at(hidden.get(c.id)),
      resolvedAt: at(resolved.get(c.id)),
    });
  }
  for (const key of dirty.reactions) {
    const owner = parseEntryKey(key);
    if (!owner) continue;
    const parsed = ReactionSchema.safeParse(reactions.get(key));
    if (!parsed.success) rows.reactionsGone.push({ commentId: owner.id, userId: owner.authorId });
    else rows.reactions.push({ commentId: owner.id, userId: owner.authorId, emoji: parsed.data.reaction, createdAt: iso(parsed.data.createdAt) });
  }
  return { rows, newComments };
}

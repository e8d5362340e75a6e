/**
 * Writes a room's changed entries to the relational tables (Annotation, Comment, Reaction, and Placement for the
 * anchors map), keyed by room and id. A hidden comment's row keeps its text (from the withheld store: the live
 * document has only a stub), for instructors' exports. Entries gone from the document are marked deleted, never
 * removed (a placement, which is only ever a moderator's, is removed). A new note is shown where it was written;
 * one copied again keeps where it is shown unless its selector changed: lib/placements places it after the copy.
 * One statement per run, whatever the number of entries (a room loaded with ten thousand of them is copied in
 * one), shared by the runs of rooms that copy at about the same time.
 */
import * as Y from "yjs";
import {
  ANCHORS,
  AnchorSchema,
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
import { BatchedWrites } from "./batched-writes";
import type { Sql } from "./sql-pool";

/** Keys of changed entries; a comment is also dirty when it is hidden, resolved or shown again. Anchors: annotation ids. */
export type DirtyKeys = { annotations: Set<string>; comments: Set<string>; reactions: Set<string>; anchors: Set<string> };

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

/** A note copied again on the same words keeps where it is shown; on other words it is shown as stored (until placed). */
const SAME_WORDS = `("Annotation"."paragraphId", "Annotation"."quote", "Annotation"."prefix", "Annotation"."suffix", "Annotation"."start", "Annotation"."end")
  IS NOT DISTINCT FROM (EXCLUDED."paragraphId", EXCLUDED."quote", EXCLUDED."prefix", EXCLUDED."suffix", EXCLUDED."start", EXCLUDED."end")`;

/**
 * One statement for the runs of every room that copies at about the same time (batched-writes.ts), so busy rooms'
 * copies are a few round trips a second without a transaction around them: each part is a data-modifying WITH, all
 * parts see the same snapshot, and foreign keys are checked at the statement's end, when a comment's annotation
 * inserted by the same statement is there. Empty parts touch nothing. Rows carry their room; the lists of rows gone
 * are pairs of arrays, matched on the tables' keys (the `= ANY` conditions let the keys' indexes find them).
 * $1 annotations, $2 comments, $3/$4 comments that keep their body (stubs whose full entry is missing: rooms, ids),
 * $5 reactions, $6/$7/$8 reactions gone (rooms, comment ids, user ids), $9/$10 annotations gone, $11/$12 comments gone,
 * $13 placements, $14/$15 placements gone.
 */
const COPY = {
  name: "gloss-copy-entries",
  text: `WITH
  annotations AS (
    INSERT INTO "Annotation" ("roomId", "id", "paragraphId", "authorId", "kind", "color", "quote", "prefix", "suffix", "start", "end", "createdAt", "receivedAt", "updatedAt", "deletedAt")
    SELECT r."roomId", r."id", r."paragraphId", r."authorId", r."kind", r."color", r."quote", r."prefix", r."suffix", r."start", r."end", r."createdAt", r."receivedAt", ${UTC_NOW}, NULL
    FROM jsonb_to_recordset($1::jsonb) AS r("roomId" text, "id" text, "paragraphId" text, "authorId" text, "kind" text, "color" text, "quote" text, "prefix" text, "suffix" text, "start" int, "end" int, "createdAt" timestamp(3), "receivedAt" timestamp(3))
    ON CONFLICT ("roomId", "id") DO UPDATE SET "paragraphId" = EXCLUDED."paragraphId", "authorId" = EXCLUDED."authorId", "kind" = EXCLUDED."kind",
      "color" = EXCLUDED."color", "quote" = EXCLUDED."quote", "prefix" = EXCLUDED."prefix", "suffix" = EXCLUDED."suffix", "start" = EXCLUDED."start",
      "end" = EXCLUDED."end", "createdAt" = EXCLUDED."createdAt", "updatedAt" = EXCLUDED."updatedAt", "deletedAt" = NULL,
      "shownParagraphId" = CASE WHEN ${SAME_WORDS} THEN "Annotation"."shownParagraphId" END,
      "shownStart" = CASE WHEN ${SAME_WORDS} THEN "Annotation"."shownStart" END,
      "shownEnd" = CASE WHEN ${SAME_WORDS} THEN "Annotation"."shownEnd" END,
      "shownAs" = CASE WHEN ${SAME_WORDS} THEN "Annotation"."shownAs" ELSE 'stored' END
    RETURNING 1),
  comments AS (
    INSERT INTO "Comment" ("roomId", "id", "annotationId", "parentId", "authorId", "body", "createdAt", "receivedAt", "editedAt", "tags", "mentions", "hiddenAt", "resolvedAt", "updatedAt", "deletedAt")
    SELECT r."roomId", r."id", r."annotationId", r."parentId", r."authorId", r."body", r."createdAt", r."receivedAt", r."editedAt", r."tags", r."mentions", r."hiddenAt", r."resolvedAt", ${UTC_NOW}, NULL
    FROM jsonb_to_recordset($2::jsonb) AS r("roomId" text, "id" text, "annotationId" text, "parentId" text, "authorId" text, "body" text, "createdAt" timestamp(3), "receivedAt" timestamp(3),
      "editedAt" timestamp(3), "tags" text[], "mentions" text[], "hiddenAt" timestamp(3), "resolvedAt" timestamp(3))
    ON CONFLICT ("roomId", "id") DO UPDATE SET "annotationId" = EXCLUDED."annotationId", "parentId" = EXCLUDED."parentId", "authorId" = EXCLUDED."authorId",
      "body" = CASE WHEN EXISTS (SELECT 1 FROM unnest($3::text[], $4::text[]) AS k("roomId", "id") WHERE k."roomId" = EXCLUDED."roomId" AND k."id" = EXCLUDED."id")
        THEN "Comment"."body" ELSE EXCLUDED."body" END,
      "createdAt" = EXCLUDED."createdAt", "editedAt" = EXCLUDED."editedAt", "tags" = EXCLUDED."tags", "mentions" = EXCLUDED."mentions",
      "hiddenAt" = EXCLUDED."hiddenAt", "resolvedAt" = EXCLUDED."resolvedAt", "updatedAt" = EXCLUDED."updatedAt", "deletedAt" = NULL
    RETURNING 1),
  reactions AS (
    INSERT INTO "Reaction" ("roomId", "commentId", "userId", "emoji", "createdAt")
    SELECT r."roomId", r."commentId", r."userId", r."emoji", r."createdAt"
    FROM jsonb_to_recordset($5::jsonb) AS r("roomId" text, "commentId" text, "userId" text, "emoji" text, "createdAt" timestamp(3))
    ON CONFLICT ("roomId", "commentId", "userId") DO UPDATE SET "emoji" = EXCLUDED."emoji", "createdAt" = EXCLUDED."createdAt"
    RETURNING 1),
  reactions_gone AS (
    DELETE FROM "Reaction" WHERE "roomId" = ANY($6::text[]) AND "commentId" = ANY($7::text[])
      AND ("roomId", "commentId", "userId") IN (SELECT * FROM unnest($6::text[], $7::text[], $8::text[]))
    RETURNING 1),
  annotations_gone AS (
    UPDATE "Annotation" SET "deletedAt" = ${UTC_NOW}, "updatedAt" = ${UTC_NOW}
    WHERE "roomId" = ANY($9::text[]) AND "id" = ANY($10::text[]) AND ("roomId", "id") IN (SELECT * FROM unnest($9::text[], $10::text[]))
    RETURNING 1),
  comments_gone AS (
    UPDATE "Comment" SET "deletedAt" = ${UTC_NOW}, "updatedAt" = ${UTC_NOW}
    WHERE "roomId" = ANY($11::text[]) AND "id" = ANY($12::text[]) AND ("roomId", "id") IN (SELECT * FROM unnest($11::text[], $12::text[]))
    RETURNING 1),
  placements AS (
    INSERT INTO "Placement" ("roomId", "annotationId", "paragraphId", "quote", "prefix", "suffix", "start", "end", "byId", "at")
    SELECT r."roomId", r."annotationId", r."paragraphId", r."quote", r."prefix", r."suffix", r."start", r."end", r."byId", r."at"
    FROM jsonb_to_recordset($13::jsonb) AS r("roomId" text, "annotationId" text, "paragraphId" text, "quote" text, "prefix" text, "suffix" text, "start" int, "end" int, "byId" text, "at" timestamp(3))
    ON CONFLICT ("roomId", "annotationId") DO UPDATE SET "paragraphId" = EXCLUDED."paragraphId", "quote" = EXCLUDED."quote", "prefix" = EXCLUDED."prefix",
      "suffix" = EXCLUDED."suffix", "start" = EXCLUDED."start", "end" = EXCLUDED."end", "byId" = EXCLUDED."byId", "at" = EXCLUDED."at"
    RETURNING 1),
  placements_gone AS (
    DELETE FROM "Placement" WHERE "roomId" = ANY($14::text[]) AND "annotationId" = ANY($15::text[])
      AND ("roomId", "annotationId") IN (SELECT * FROM unnest($14::text[], $15::text[]))
    RETURNING 1)
SELECT (SELECT count(*) FROM annotations) + (SELECT count(*) FROM comments) + (SELECT count(*) FROM reactions)
  + (SELECT count(*) FROM reactions_gone) + (SELECT count(*) FROM annotations_gone) + (SELECT count(*) FROM comments_gone)
  + (SELECT count(*) FROM placements) + (SELECT count(*) FROM placements_gone) AS "written"`,
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
  placements: object[];
  /** Annotation ids whose placement was removed. */
  placementsGone: string[];
};

/** A room's rows, with its id: what one item of a shared copy statement is. */
type RoomRows = { roomId: string; rows: Rows };

const writers = new WeakMap<Sql, BatchedWrites<RoomRows>>();

/**
 * The copy statements every room on this pool shares: one at a time, each gathering what rooms hand in over
 * `COPY_GATHER_MS`. Nobody waits on the copy to read a note (readers have it from the log), and exports and
 * dashboards read it a moment later at the earliest.
 */
const COPY_GATHER_MS = 50;

function writerFor(sql: Sql): BatchedWrites<RoomRows> {
  let writer = writers.get(sql);
  if (!writer) writers.set(sql, (writer = new BatchedWrites((rooms) => writeRows(sql, rooms), 1, COPY_GATHER_MS)));
  return writer;
}

/** Copies the entries; returns the comments copied for the first time (those the server just accepted). */
export async function copyEntries(sql: Sql, input: CopyInput): Promise<{ newComments: Comment[] }> {
  const { rows, newComments } = rowsOf(input);
  const total = LISTS.reduce((sum, name) => sum + rows[name].length, 0);
  if (total === 0) return { newComments };
  const { roomId } = input;
  await writerFor(sql)
    .add({ roomId, rows })
    .catch(async () => {
      // One bad row (say, a comment whose annotation never existed) must not hold back the others.
      for (const one of oneByOne(rows)) {
        await writeRows(sql, [{ roomId, rows: one }]).catch((error: unknown) => console.warn(`[gloss] room ${roomId}: row not copied:`, String(error)));
      }
    });
  return { newComments };
}

/** Several rooms' annotations, comments and reactions in one statement (see COPY). */
async function writeRows(sql: Sql, rooms: RoomRows[]): Promise<void> {
  const all = (pick: (rows: Rows) => object[]) => rooms.flatMap(({ roomId, rows }) => pick(rows).map((row) => ({ roomId, ...row })));
  const pairs = (pick: (rows: Rows) => string[]) => [
    rooms.flatMap(({ roomId, rows }) => pick(rows).map(() => roomId)),
    rooms.flatMap(({ rows }) => pick(rows)),
  ];
  const reactionsGone = rooms.flatMap(({ roomId, rows }) => rows.reactionsGone.map((gone) => ({ roomId, ...gone })));
  await sql.query({
    ...COPY,
    values: [
      JSON.stringify(all((rows) => rows.annotations)),
      JSON.stringify(all((rows) => rows.comments)),
      ...pairs((rows) => rows.keepBody),
      JSON.stringify(all((rows) => rows.reactions)),
      reactionsGone.map((gone) => gone.roomId),
      reactionsGone.map((gone) => gone.commentId),
      reactionsGone.map((gone) => gone.userId),
      ...pairs((rows) => rows.annotationsGone),
      ...pairs((rows) => rows.commentsGone),
      JSON.stringify(all((rows) => rows.placements)),
      ...pairs((rows) => rows.placementsGone),
    ],
  });
}

/** The lists of rows a run writes (keepBody only says how to write comments). */
const LISTS = ["annotations", "comments", "reactions", "reactionsGone", "annotationsGone", "commentsGone", "placements", "placementsGone"] as const;

function emptyRows(keepBody: string[] = []): Rows {
  return { annotations: [], comments: [], keepBody, reactions: [], reactionsGone: [], annotationsGone: [], commentsGone: [], placements: [], placementsGone: [] };
}

function* oneByOne(rows: Rows): Generator<Rows> {
  const none = emptyRows(rows.keepBody);
  for (const name of LISTS) {
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
  const rows = emptyRows();
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
  const anchors = doc.getMap(ANCHORS);
  for (const annotationId of dirty.anchors) {
    const parsed = AnchorSchema.safeParse(anchors.get(annotationId));
    if (!parsed.success || parsed.data.id !== annotationId) {
      rows.placementsGone.push(annotationId);
      continue;
    }
    const [quote, position] = parsed.data.selector;
    rows.placements.push({
      annotationId,
      paragraphId: parsed.data.paragraphId,
      quote: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
      byId: parsed.data.byId,
      at: iso(parsed.data.at),
    });
  }
  return { rows, newComments };
}

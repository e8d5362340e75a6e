/**
 * Reads what an export holds, from the relational copy the websocket server keeps, already cut to what the asker
 * may see and asked for. The threads are read in reading order a page at a time, as the export is written, so an
 * export of any size holds one page of rows (a room's member names are kept; they are a seminar's worth). Access is decided by authorizeRoom, as for the page and the websocket: members of the
 * seminar only, while the essay is on its list; a reader's private notes, their owner only.
 *
 * What is left out, and why:
 * - deleted annotations and comments (they are gone for readers too);
 * - hidden comments, unless an instructor asks for them (then they are marked hidden). For anyone else a hidden
 *   thread opener takes its thread's comments with it, as every reply answers the opener;
 * - resolved threads, when asked;
 * - for one member's contributions: threads they wrote nothing in; in the others, comments but theirs and the
 *   thread's opener, which their replies answer.
 *
 * Each thread is where readers see it now (lib/placements): after a revision, under the paragraph its words moved to,
 * or where an instructor placed it, quoting the words there. A thread a revision left unanchored is in no paragraph
 * (and so in no range or passage), but an export of the whole essay keeps it, last, with the words it was written on:
 * no comment leaves Gloss by a revision. Removed paragraphs are not counted in paragraph numbers.
 */
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client.server";
import { selectorsFor } from "../doc/anchor";
import { REACTION_KINDS, type ReactionKind } from "../doc/layout";
import { IN_ESSAY } from "../essays/in-essay";
import { shownSql } from "../placements/shown-sql";
import { AppError, AppErrorCode } from "../errors/app-error";
import { authorizeRoom } from "../rooms/authorize-room.server";
import { isInAudience } from "../assignments/is-in-audience.server";
import { locatePassage } from "../assignments/passage";
import type { Discussion, DiscussionStream, ExportPerson, ExportRole, ExportScope, ExportThread, ExportComment } from "./discussion";

export const EXPORT_NOT_AVAILABLE = "There is no such discussion to export.";

export type ExportRequest = {
  roomId: string;
  userId: string;
  /** Where the essay is read in Gloss, absolute: the annotations' target. */
  sourceUrl: string;
  member?: string;
  from?: number;
  to?: number;
  assignment?: string;
  resolved?: boolean;
  hidden?: boolean;
  now?: Date;
  /** Annotations per query (tests make it small to cross page edges). */
  pageSize?: number;
};

const notAvailable = () => new AppError(AppErrorCode.NotFound, EXPORT_NOT_AVAILABLE);

/** Annotations read per query; each page's comments and reactions are read with it. */
const PAGE = 500;

/** Where unanchored threads sort: after every paragraph. */
const AFTER_THE_ESSAY = 2_147_483_647;

type AnnotationRow = {
  id: string;
  paragraphId: string;
  /** Where it is shown now; null when unanchored. */
  shownParagraphId: string | null;
  shownAs: string;
  shownStart: number | null;
  shownEnd: number | null;
  authorId: string;
  kind: string;
  color: string | null;
  quote: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  createdAt: Date;
  position: number;
  sortStart: number;
  createdMs: bigint;
};

/** The whole discussion in memory: for tests and small exports; the routes and the command stream it. */
export async function loadDiscussion(db: Db, request: ExportRequest): Promise<Discussion> {
  const opened = await openDiscussion(db, request);
  const threads: ExportThread[] = [];
  for await (const thread of opened.threads) threads.push(thread);
  return { ...opened, threads };
}

export async function openDiscussion(db: Db, request: ExportRequest): Promise<DiscussionStream> {
  let access;
  try {
    access = await authorizeRoom(db, request.roomId, request.userId);
  } catch (error) {
    // An outsider, a removed essay and an unknown room all look the same from outside.
    if (error instanceof AppError) throw notAvailable();
    throw error;
  }
  const { room, role } = access;
  if (role === "reader") throw notAvailable(); // the open room has no owner to answer for it; not exported
  const seminarId = room.seminarId;

  const [essay, seminar, memberships, me] = await Promise.all([
    db.essay.findUniqueOrThrow({
      where: { id: room.essayId },
      select: { id: true, slug: true, title: true, author: true, source: true, paragraphs: { where: IN_ESSAY, orderBy: { position: "asc" }, select: { id: true, position: true } } },
    }),
    seminarId ? db.seminar.findUniqueOrThrow({ where: { id: seminarId }, select: { id: true, name: true } }) : null,
    seminarId ? db.membership.findMany({ where: { seminarId }, select: { userId: true, role: true } }) : [],
    db.user.findUniqueOrThrow({ where: { id: request.userId }, select: { id: true, name: true } }),
  ]);
  const roleOf = new Map<string, ExportRole>(memberships.map((m) => [m.userId, m.role]));
  if (!seminarId) roleOf.set(me.id, "student"); // private notes: the owner is the only author
  const isInstructor = role === "instructor";
  const includeHidden = isInstructor && request.hidden === true;
  const includeResolved = request.resolved !== false;

  // Scope: who, which paragraphs.
  let member: ExportPerson | null = null;
  if (request.member) {
    if (!roleOf.has(request.member) && seminarId) throw new AppError(AppErrorCode.InvalidInput, "That person is not a member of this seminar.");
    const user = await db.user.findUnique({ where: { id: request.member }, select: { id: true, name: true } });
    if (!user) throw new AppError(AppErrorCode.InvalidInput, "That person is not a member of this seminar.");
    member = { ...user, role: roleOf.get(user.id) ?? "former member" };
  }
  let assignment: ExportScope["assignment"] = null;
  let passage: ReturnType<typeof locatePassage> = null;
  if (request.assignment) {
    const found = seminarId ? await db.assignment.findUnique({ where: { id: request.assignment } }) : null;
    // Students export only assignments they can see: open, and given to them.
    const visible =
      found &&
      found.seminarId === seminarId &&
      found.essayId === room.essayId &&
      (isInstructor || (found.opensAt <= (request.now ?? new Date()) && (await isInAudience(db, { assignment: found, userId: request.userId }))));
    if (!visible) throw new AppError(AppErrorCode.InvalidInput, "There is no such assignment on this essay.");
    assignment = { id: found.id, title: found.title };
    passage = locatePassage(essay.paragraphs, found);
  }
  const paragraphCount = essay.paragraphs.length;
  const from = request.from ?? null;
  const to = request.to ?? null;
  if ((from !== null && from > paragraphCount) || (to !== null && to > paragraphCount)) {
    throw new AppError(AppErrorCode.InvalidInput, `This essay has ${paragraphCount} paragraphs.`);
  }
  const indexOf = new Map(essay.paragraphs.map((p, i) => [p.id, i + 1]));
  const inRange = essay.paragraphs.filter((_, i) => (from === null || i + 1 >= from) && (to === null || i + 1 <= to)).map((p) => p.id);
  const shown = shownSql("a");
  const highlight = Prisma.sql`(a."kind" = 'highlight' AND ${shown.start} IS NOT NULL AND ${shown.end} IS NOT NULL)`;
  // A range holds the threads shown in its paragraphs; the whole essay also holds the unanchored ones.
  const inScope = from === null && to === null ? Prisma.empty : Prisma.sql`AND p."id" = ANY(${inRange})`;
  // The passage test of isInPassage (lib/assignments/passage.ts), as SQL: points compare as (position, offset). A
  // passage that no longer fits the essay holds nothing.
  const inPassage = !assignment
    ? Prisma.empty
    : !passage
      ? Prisma.sql`AND false`
      : Prisma.sql`AND p."position" BETWEEN ${passage.start.position} AND ${passage.end.position}
        AND (NOT ${highlight} OR ((p."position", ${shown.start}) < (${passage.end.position}, ${passage.end.offset})
                                  AND (${passage.start.position}, ${passage.start.offset}) < (p."position", ${shown.end})))`;
  const names = new Map<string, string>();
  const person = (id: string): ExportPerson => ({ id, name: names.get(id) ?? "Unknown reader", role: roleOf.get(id) ?? "former member" });
  const roomId = room.id;
  const pageSize = request.pageSize ?? PAGE;

  async function* threads(): AsyncGenerator<ExportThread> {
    let after: AnnotationRow | null = null;
    for (;;) {
      const rows: AnnotationRow[] = await db.$queryRaw<AnnotationRow[]>(Prisma.sql`
        SELECT * FROM (
          SELECT a."id", a."paragraphId", p."id" AS "shownParagraphId", a."shownAs"::text AS "shownAs", ${shown.start} AS "shownStart", ${shown.end} AS "shownEnd",
                 a."authorId", a."kind", a."color", a."quote", a."prefix", a."suffix", a."start", a."end",
                 a."createdAt", coalesce(p."position", ${AFTER_THE_ESSAY}) AS "position",
                 CASE WHEN ${highlight} THEN ${shown.start} ELSE -1 END AS "sortStart",
                 floor(extract(epoch FROM a."createdAt") * 1000)::bigint AS "createdMs"
          FROM "Annotation" a LEFT JOIN "Paragraph" p ON p."id" = ${shown.paragraphId} AND p."position" >= 0
          WHERE a."roomId" = ${roomId} AND a."deletedAt" IS NULL ${inScope} ${inPassage}
        ) t
        WHERE ${after ? Prisma.sql`("position", "sortStart", "createdMs", "id") > (${after.position}, ${after.sortStart}, ${after.createdMs}, ${after.id})` : Prisma.sql`true`}
        ORDER BY "position", "sortStart", "createdMs", "id"
        LIMIT ${pageSize}`);
      if (rows.length === 0) return;
      const ids = rows.map((r) => r.id);
      const [comments, reactions] = await Promise.all([
        db.comment.findMany({ where: { roomId, annotationId: { in: ids }, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
        db.reaction.findMany({ where: { roomId, comment: { annotationId: { in: ids } } }, select: { commentId: true, emoji: true } }),
      ]);
      const unknown = [...new Set([...rows.map((r) => r.authorId), ...comments.map((c) => c.authorId)])].filter((id) => !names.has(id));
      if (unknown.length > 0) for (const u of await db.user.findMany({ where: { id: { in: unknown } }, select: { id: true, name: true } })) names.set(u.id, u.name);
      await readTextsOf(rows);

      const reactionCounts = new Map<string, Map<string, number>>();
      for (const r of reactions) {
        const counts = reactionCounts.get(r.commentId) ?? new Map<string, number>();
        counts.set(r.emoji, (counts.get(r.emoji) ?? 0) + 1);
        reactionCounts.set(r.commentId, counts);
      }
      const reactionsOf = (commentId: string) =>
        REACTION_KINDS.flatMap((kind: ReactionKind) => {
          const count = reactionCounts.get(commentId)?.get(kind) ?? 0;
          return count > 0 ? [{ kind, count }] : [];
        });
      const byAnnotation = new Map<string, typeof comments>();
      for (const c of comments) byAnnotation.set(c.annotationId, [...(byAnnotation.get(c.annotationId) ?? []), c]);

      for (const a of rows) {
        const thread = toThread(a, byAnnotation.get(a.id) ?? [], reactionsOf);
        if (thread) yield thread;
      }
      if (rows.length < pageSize) return;
      after = rows.at(-1)!;
    }
  }

  // The text of paragraphs that hold re-anchored threads, to quote the words they are shown on now; read once each.
  const texts = new Map<string, string>();
  async function readTextsOf(rows: AnnotationRow[]): Promise<void> {
    const wanted = [...new Set(rows.filter((r) => isReanchored(r)).map((r) => r.shownParagraphId!))].filter((id) => !texts.has(id));
    if (wanted.length === 0) return;
    for (const p of await db.paragraph.findMany({ where: { id: { in: wanted } }, select: { id: true, text: true } })) texts.set(p.id, p.text);
  }

  /** Where the thread is shown, and what it quotes: the words there now, or those it was written on. */
  function placeOf(a: AnnotationRow): Pick<ExportThread, "paragraphId" | "paragraphIndex" | "quote" | "position"> {
    const isHighlight = a.kind === "highlight" && a.start !== null && a.end !== null;
    const written = {
      quote: isHighlight ? { exact: a.quote ?? "", prefix: a.prefix ?? "", suffix: a.suffix ?? "" } : null,
      position: isHighlight ? { start: a.start!, end: a.end! } : null,
    };
    if (a.shownParagraphId === null) return { paragraphId: a.paragraphId, paragraphIndex: null, ...written };
    const paragraphIndex = indexOf.get(a.shownParagraphId)!;
    const text = texts.get(a.shownParagraphId);
    if (!isReanchored(a) || text === undefined) return { paragraphId: a.shownParagraphId, paragraphIndex, ...written };
    const span = { start: a.shownStart!, end: a.shownEnd! };
    const [{ exact, prefix, suffix }] = selectorsFor(text, span);
    return { paragraphId: a.shownParagraphId, paragraphIndex, quote: { exact, prefix, suffix }, position: span };
  }

  function toThread(a: AnnotationRow, written: Array<{ id: string; parentId: string | null; authorId: string; body: string; createdAt: Date; editedAt: Date | null; tags: string[]; resolvedAt: Date | null; hiddenAt: Date | null }>, reactionsOf: (id: string) => ExportComment["reactions"]): ExportThread | null {
    let own = written;
    const opener = own.find((c) => c.parentId === null) ?? null;
    if (!includeHidden) {
      // Replies answer the opener: without it they would answer nothing the reader may see.
      if (opener?.hiddenAt) own = [];
      else own = own.filter((c) => !c.hiddenAt);
      if (own.length === 0 && written.length > 0) return null;
    }
    const resolved = opener?.resolvedAt != null;
    if (resolved && !includeResolved) return null;
    if (member) {
      const wroteAny = a.authorId === member.id || own.some((c) => c.authorId === member!.id);
      if (!wroteAny) return null;
      own = own.filter((c) => c.authorId === member!.id || c.id === opener?.id);
    }
    const place = placeOf(a);
    return {
      id: a.id,
      ...place,
      kind: place.quote ? "highlight" : "paragraph",
      color: a.color,
      author: person(a.authorId),
      createdAt: a.createdAt,
      resolved,
      comments: own.map((c) => ({
        id: c.id,
        parentId: c.parentId,
        author: person(c.authorId),
        body: c.body,
        createdAt: c.createdAt,
        editedAt: c.editedAt,
        tags: c.tags,
        reactions: reactionsOf(c.id),
        resolved: c.resolvedAt !== null,
        hidden: c.hiddenAt !== null,
      })),
    };
  }

  return {
    essay: { id: essay.id, slug: essay.slug, title: essay.title, author: essay.author, source: essay.source },
    seminar,
    sourceUrl: request.sourceUrl,
    exportedAt: request.now ?? new Date(),
    exportedBy: { ...me, role: roleOf.get(me.id) ?? "former member" },
    scope: { member, from, to, assignment, includeResolved, includeHidden },
    threads: threads(),
  };
}

/** Shown on other words than it was written on (moved, placed, for review), with a span to quote. */
function isReanchored(a: AnnotationRow): boolean {
  return a.shownAs !== "stored" && a.shownParagraphId !== null && a.shownStart !== null && a.shownEnd !== null;
}

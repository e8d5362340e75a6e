/**
 * Who took part in an assignment, per student, counted from the relational copy of the seminar's room on the
 * essay (rows the websocket server writes, with its own receivedAt), so nothing a browser claims changes a count.
 * Plain data, one call: the dashboard, its CSV and a student's own status read it, and so can a live view later.
 *
 * What counts, for a student of the audience, in the passage:
 * - a note: their annotation (a highlight sharing a character with the passage, or a comment on a paragraph the
 *   passage takes in), not deleted, unless everything they wrote on it is hidden (a bare highlight counts);
 * - a reply to a classmate: their comment, not deleted or hidden, whose parent someone else wrote, in a thread
 *   on an annotation in the passage. Replies carry the thread's first comment as parent (see ARCHITECTURE.md),
 *   so answering a classmate inside one's own thread is not one;
 * - words: those of all their comments there that are neither deleted nor hidden.
 * Times are the server's receivedAt. After an assignment is closed, nothing received later counts.
 * A note is in the passage where readers see it now (lib/placements): after a revision, beside the paragraph its
 * words moved to, or where an instructor placed it; one left unanchored is in no passage.
 */
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client.server";
import { roomIdFor } from "../doc/layout";
import { IN_ESSAY } from "../essays/in-essay";
import { shownSql } from "../placements/shown-sql";
import { getAudience } from "./get-audience.server";
import { isInPassage, locatePassage } from "./passage";
import { explainRule, RuleSchema, type Rule } from "./rule";
import { countWords, standingOf, type Activity, type Standing } from "./status";

export type AssignmentForCounting = {
  id: string;
  seminarId: string;
  essayId: string;
  startParagraphId: string;
  startOffset: number;
  endParagraphId: string;
  endOffset: number;
  dueAt: Date;
  closedAt: Date | null;
  audience: "everyone" | "chosen";
  rule: unknown;
};

export type ParticipationRow = Standing & {
  student: { id: string; name: string; email: string };
  /** The due time that applies to this student: the later of the assignment's and their extension. */
  dueAt: Date;
  extendedTo: Date | null;
};

export type Participation = {
  rule: Rule;
  ruleText: string;
  rows: ParticipationRow[];
  /** Everything the rows count, for the chart of activity over time. */
  activity: Activity[];
  /** The passage's paragraphs in the essay's order (none when the passage no longer matches the essay). */
  passageParagraphIds: string[];
};

type AnnotationRow = { id: string; authorId: string; paragraphId: string; kind: string; start: number | null; end: number | null; receivedAt: Date };

type CommentRow = {
  id: string;
  authorId: string;
  annotationId: string;
  parentId: string | null;
  parentAuthorId: string | null;
  body: string;
  hidden: boolean;
  receivedAt: Date;
};

export async function getParticipation(db: Db, { assignment, now, studentId }: { assignment: AssignmentForCounting; now: Date; studentId?: string }): Promise<Participation> {
  const rule = RuleSchema.parse(assignment.rule);
  const roomId = roomIdFor(assignment.essayId, assignment.seminarId);
  const [students, extensions, paragraphs] = await Promise.all([
    getAudience(db, { assignment, studentId }),
    db.assignmentExtension.findMany({ where: { assignmentId: assignment.id, ...(studentId ? { userId: studentId } : {}) }, select: { userId: true, dueAt: true } }),
    db.paragraph.findMany({ where: { essayId: assignment.essayId, ...IN_ESSAY }, select: { id: true, position: true } }),
  ]);
  const placed = locatePassage(paragraphs, assignment);
  const inRange = placed ? paragraphs.filter((p) => p.position >= placed.start.position && p.position <= placed.end.position) : [];
  const position = new Map(inRange.map((p) => [p.id, p.position]));
  const studentIds = students.map((s) => s.id);
  const shown = shownSql("a");

  const [annotations, comments] =
    placed && studentIds.length > 0 && inRange.length > 0
      ? await Promise.all([
          db.$queryRaw<AnnotationRow[]>(Prisma.sql`
            SELECT a."id", a."authorId", ${shown.paragraphId} AS "paragraphId", a."kind", ${shown.start} AS "start", ${shown.end} AS "end", a."receivedAt"
            FROM "Annotation" a
            WHERE a."roomId" = ${roomId} AND a."deletedAt" IS NULL AND ${shown.paragraphId} = ANY(${[...position.keys()]})`),
          db.$queryRaw<CommentRow[]>(Prisma.sql`
            SELECT c."id", c."authorId", c."annotationId", c."parentId", p."authorId" AS "parentAuthorId", c."body",
                   c."hiddenAt" IS NOT NULL AS "hidden", c."receivedAt"
            FROM "Comment" c
            JOIN "Annotation" a ON a."roomId" = c."roomId" AND a."id" = c."annotationId"
            LEFT JOIN "Comment" p ON p."roomId" = c."roomId" AND p."id" = c."parentId"
            WHERE c."roomId" = ${roomId} AND c."deletedAt" IS NULL AND a."deletedAt" IS NULL
              AND c."authorId" = ANY(${studentIds}) AND ${shown.paragraphId} = ANY(${[...position.keys()]})`),
        ])
      : [[], []];

  const passageAnnotations = new Set(
    annotations.filter((a) => isInPassage(placed!, { position: position.get(a.paragraphId)!, kind: a.kind, start: a.start, end: a.end })).map((a) => a.id),
  );
  const counted = (at: Date) => assignment.closedAt === null || at <= assignment.closedAt;
  const activity = new Map<string, Activity[]>(studentIds.map((id) => [id, []]));
  // Per annotation and author: whether they wrote on it at all, and whether any of it is still visible.
  const wrote = new Map<string, { visible: boolean }>();

  for (const c of comments) {
    if (!passageAnnotations.has(c.annotationId)) continue;
    const key = `${c.annotationId} ${c.authorId}`;
    const mark = wrote.get(key) ?? { visible: false };
    wrote.set(key, mark);
    if (c.hidden) continue;
    mark.visible = true;
    if (!counted(c.receivedAt)) continue;
    const toClassmate = c.parentId !== null && c.parentAuthorId !== null && c.parentAuthorId !== c.authorId;
    activity.get(c.authorId)?.push({ at: c.receivedAt, counts: toClassmate ? "reply" : null, words: countWords(c.body) });
  }
  for (const a of annotations) {
    if (!passageAnnotations.has(a.id) || !counted(a.receivedAt)) continue;
    const own = wrote.get(`${a.id} ${a.authorId}`);
    if (own && !own.visible) continue;
    activity.get(a.authorId)?.push({ at: a.receivedAt, counts: "note", words: 0 });
  }

  const extendedTo = new Map(extensions.map((e) => [e.userId, e.dueAt]));
  const rows = students.map((student): ParticipationRow => {
    const extension = extendedTo.get(student.id) ?? null;
    const dueAt = extension && extension > assignment.dueAt ? extension : assignment.dueAt;
    return { student, dueAt, extendedTo: extension, ...standingOf({ activity: activity.get(student.id)!, rule, dueAt, now }) };
  });
  const passageParagraphIds = [...position.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  return { rule, ruleText: explainRule(rule), rows, activity: [...activity.values()].flat(), passageParagraphIds };
}

/**
 * Where in the essay an assignment's students have been writing: per paragraph, their notes (annotations) and
 * comments in the seminar's room, counted from the relational copy as the participation table is (deleted and
 * hidden comments do not count; after a close, nothing received later does). The whole essay, not only the
 * passage, so an instructor sees the talk spill over or stay put. Each note counts beside the paragraph readers see
 * it beside now (lib/placements); one a revision left unanchored counts nowhere.
 */
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client.server";
import { roomIdFor } from "../doc/layout";
import { IN_ESSAY } from "../essays/in-essay";
import { shownSql } from "../placements/shown-sql";

export type HeatParagraph = { id: string; position: number; kind: string; length: number; opening: string; notes: number; comments: number };
export type HeatMap = { paragraphs: HeatParagraph[]; max: number };

type Counted = { paragraphId: string; count: number };

export async function getHeatMap(
  db: Db,
  { assignment, studentIds }: { assignment: { seminarId: string; essayId: string; closedAt: Date | null }; studentIds: string[] },
): Promise<HeatMap> {
  const roomId = roomIdFor(assignment.essayId, assignment.seminarId);
  const shown = shownSql("a");
  const until = (column: Prisma.Sql) => (assignment.closedAt ? Prisma.sql`AND ${column} <= ${assignment.closedAt}` : Prisma.empty);
  const [paragraphs, notes, comments] = await Promise.all([
    db.paragraph.findMany({ where: { essayId: assignment.essayId, ...IN_ESSAY }, orderBy: { position: "asc" }, select: { id: true, position: true, kind: true, text: true } }),
    studentIds.length === 0
      ? []
      : db.$queryRaw<Counted[]>(Prisma.sql`
          SELECT ${shown.paragraphId} AS "paragraphId", count(*)::int AS "count"
          FROM "Annotation" a
          WHERE a."roomId" = ${roomId} AND a."deletedAt" IS NULL AND a."authorId" = ANY(${studentIds}) ${until(Prisma.sql`a."receivedAt"`)}
            -- A note whose author's every comment on it is hidden is not counted (as in the table).
            AND (NOT EXISTS (SELECT 1 FROM "Comment" c WHERE c."roomId" = a."roomId" AND c."annotationId" = a."id" AND c."authorId" = a."authorId" AND c."deletedAt" IS NULL)
                 OR EXISTS (SELECT 1 FROM "Comment" c WHERE c."roomId" = a."roomId" AND c."annotationId" = a."id" AND c."authorId" = a."authorId" AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL))
          GROUP BY 1`),
    studentIds.length === 0
      ? []
      : db.$queryRaw<Counted[]>(Prisma.sql`
          SELECT ${shown.paragraphId} AS "paragraphId", count(*)::int AS "count"
          FROM "Comment" c JOIN "Annotation" a ON a."roomId" = c."roomId" AND a."id" = c."annotationId"
          WHERE c."roomId" = ${roomId} AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL AND a."deletedAt" IS NULL
            AND c."authorId" = ANY(${studentIds}) ${until(Prisma.sql`c."receivedAt"`)}
          GROUP BY 1`),
  ]);
  const noteCount = new Map(notes.map((n) => [n.paragraphId, n.count]));
  const commentCount = new Map(comments.map((c) => [c.paragraphId, c.count]));
  const out = paragraphs.map(
    (p): HeatParagraph => ({
      id: p.id,
      position: p.position,
      kind: p.kind,
      length: p.text.length,
      opening: p.text.length > 90 ? `${p.text.slice(0, 90).replace(/\s+\S*$/, "")}…` : p.text,
      notes: noteCount.get(p.id) ?? 0,
      comments: commentCount.get(p.id) ?? 0,
    }),
  );
  return { paragraphs: out, max: Math.max(0, ...out.map((p) => p.notes + p.comments)) };
}

/**
 * Where an annotation row is shown now, as SQL: what every report (exports, the heat map, participation) reads
 * instead of the author's paragraphId/start/end. A note left `stored` is where those say (its shown columns stay
 * null, so rows the copy has just written need nothing more); an unanchored one has no paragraph (NULL), so a
 * join or an `= ANY` on it leaves it out of every paragraph's count. See schema.prisma, Annotation.shownAs.
 */
import { Prisma } from "../generated/prisma/client";

export type ShownSql = { paragraphId: Prisma.Sql; start: Prisma.Sql; end: Prisma.Sql };

/** `alias` is the query's name for the Annotation table: code, never input. */
export function shownSql(alias = "a"): ShownSql {
  const column = (stored: string) =>
    Prisma.raw(`(CASE "${alias}"."shownAs" WHEN 'stored' THEN "${alias}"."${stored}" ELSE "${alias}"."shown${stored[0]!.toUpperCase()}${stored.slice(1)}" END)`);
  return { paragraphId: column("paragraphId"), start: column("start"), end: column("end") };
}

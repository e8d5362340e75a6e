import type { Db } from "../db/client.server";

export type SeminarRoomLink = { seminarId: string; name: string; term: string; archived: boolean; href: string };

/**
 * For each essay, the user's seminars that have it on their reading list: where their discussion of it is. The
 * library and the public room offer these first, so a seminar member lands in their seminar's room rather than
 * the public one (issue 10). Archived seminars come last: their rooms can be read but not written in.
 */
export async function mySeminarRooms(db: Db, { userId, essayIds }: { userId: string; essayIds?: string[] }): Promise<Map<string, SeminarRoomLink[]>> {
  const listings = await db.seminarEssay.findMany({
    where: { seminar: { members: { some: { userId } } }, ...(essayIds ? { essayId: { in: essayIds } } : {}) },
    orderBy: [{ seminar: { archivedAt: { sort: "desc", nulls: "first" } } }, { seminar: { name: "asc" } }],
    select: { essayId: true, essay: { select: { slug: true } }, seminar: { select: { id: true, name: true, term: true, archivedAt: true } } },
  });
  const byEssay = new Map<string, SeminarRoomLink[]>();
  for (const { essayId, essay, seminar } of listings) {
    const links = byEssay.get(essayId) ?? [];
    links.push({
      seminarId: seminar.id,
      name: seminar.name,
      term: seminar.term,
      archived: seminar.archivedAt !== null,
      href: `/seminars/${seminar.id}/essays/${essay.slug}`,
    });
    byEssay.set(essayId, links);
  }
  return byEssay;
}

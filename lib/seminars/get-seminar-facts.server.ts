import type { Db } from "../db/client.server";

/** The seminar's own tags and its members' ids: what the live document's rules check tags and mentions against. */
export async function getSeminarFacts(db: Db, seminarId: string) {
  const [tags, members] = await Promise.all([
    db.seminarTag.findMany({ where: { seminarId }, select: { name: true } }),
    db.membership.findMany({ where: { seminarId }, select: { userId: true } }),
  ]);
  return { tags: new Set(tags.map((t) => t.name)), memberIds: new Set(members.map((m) => m.userId)) };
}

import type { Db } from "../db/client.server";

/** The seminars the user belongs to, with their role and what a list row shows; newest first. */
export async function listMySeminars(db: Db, { userId }: { userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: [{ seminar: { createdAt: "desc" } }, { seminar: { name: "asc" } }],
    select: {
      role: true,
      seminar: { select: { id: true, name: true, term: true, archivedAt: true, _count: { select: { members: true, essays: true } } } },
    },
  });
  return memberships.map(({ role, seminar: { _count, archivedAt, ...seminar } }) => ({
    ...seminar,
    archived: archivedAt !== null,
    role,
    memberCount: _count.members,
    essayCount: _count.essays,
  }));
}
export type MySeminar = Awaited<ReturnType<typeof listMySeminars>>[number];

import type { Db } from "../db/client.server";

/**
 * The seminars whose reading lists an import may go on: those the user teaches that are not archived. Being on
 * this list at all is what lets someone import (requireImporter): Gloss has no site-wide instructor role.
 */
export async function listImportSeminars(db: Db, { userId }: { userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId, role: "instructor", seminar: { archivedAt: null } },
    orderBy: [{ seminar: { createdAt: "desc" } }, { seminar: { name: "asc" } }],
    select: { seminar: { select: { id: true, name: true, term: true } } },
  });
  return memberships.map(({ seminar }) => seminar);
}
export type ImportSeminar = Awaited<ReturnType<typeof listImportSeminars>>[number];

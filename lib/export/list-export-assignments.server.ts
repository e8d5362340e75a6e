import type { Db } from "../db/client.server";

/**
 * The assignments on one essay whose passage a member may export: all of the seminar's for an instructor; for a
 * student, those given to them that have opened (the others do not exist for them).
 */
export async function listExportAssignments(db: Db, { seminarId, essayId, role, userId, now }: { seminarId: string; essayId: string; role: string; userId: string; now: Date }) {
  return db.assignment.findMany({
    where:
      role === "instructor"
        ? { seminarId, essayId }
        : { seminarId, essayId, opensAt: { lte: now }, OR: [{ audience: "everyone" }, { students: { some: { userId } } }] },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true },
  });
}

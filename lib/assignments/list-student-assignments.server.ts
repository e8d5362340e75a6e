import type { Db } from "../db/client.server";
import { getRole } from "../seminars/get-role.server";
import { getParticipation } from "./get-participation.server";

/**
 * The assignments of a seminar given to this student and already open, soonest due first, each with the due time
 * that applies to them and their status. Nothing for anyone who is not a student of the seminar.
 */
export async function listStudentAssignments(db: Db, { seminarId, userId, now }: { seminarId: string; userId: string; now: Date }) {
  if ((await getRole(db, seminarId, userId)) !== "student") return [];
  const assignments = await db.assignment.findMany({
    where: { seminarId, opensAt: { lte: now }, OR: [{ audience: "everyone" }, { students: { some: { userId } } }] },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    include: { essay: { select: { title: true } } },
  });
  return Promise.all(
    assignments.map(async (assignment) => {
      const { rows, ruleText } = await getParticipation(db, { assignment, now, studentId: userId });
      const mine = rows[0]!; // the query above chose assignments given to this student
      return {
        id: assignment.id,
        title: assignment.title,
        essayTitle: assignment.essay.title,
        dueAt: mine.dueAt,
        extended: mine.extendedTo !== null && mine.dueAt > assignment.dueAt,
        closedAt: assignment.closedAt,
        status: mine.status,
        counts: { notes: mine.notes, replies: mine.replies },
        ruleText,
      };
    }),
  );
}

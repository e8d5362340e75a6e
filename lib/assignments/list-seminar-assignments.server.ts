import type { Db } from "../db/client.server";
import { requireInstructor } from "../seminars/require-instructor.server";

/** Every assignment of the seminar, for its instructors: soonest due first, with what the list shows. */
export async function listSeminarAssignments(db: Db, { seminarId, userId }: { seminarId: string; userId: string }) {
  await requireInstructor(db, seminarId, userId);
  const assignments = await db.assignment.findMany({
    where: { seminarId },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      opensAt: true,
      dueAt: true,
      closedAt: true,
      audience: true,
      essay: { select: { title: true } },
      _count: { select: { students: true } },
    },
  });
  return assignments.map(({ _count, essay, ...assignment }) => ({ ...assignment, essayTitle: essay.title, chosenCount: _count.students }));
}

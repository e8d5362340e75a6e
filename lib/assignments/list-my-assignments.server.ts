import type { Db } from "../db/client.server";
import { listStudentAssignments } from "./list-student-assignments.server";

/** Everything assigned to this student, seminar by seminar (only seminars where something is), soonest due first. */
export async function listMyAssignments(db: Db, { userId, now }: { userId: string; now: Date }) {
  const memberships = await db.membership.findMany({
    where: { userId, role: "student" },
    orderBy: { seminar: { name: "asc" } },
    select: { seminar: { select: { id: true, name: true } } },
  });
  const seminars = await Promise.all(
    memberships.map(async ({ seminar }) => ({ ...seminar, assignments: await listStudentAssignments(db, { seminarId: seminar.id, userId, now }) })),
  );
  return seminars.filter((seminar) => seminar.assignments.length > 0);
}

import type { Db } from "../db/client.server";
import { getParticipation } from "./get-participation.server";
import { requireAssignmentInstructor } from "./require-assignment-instructor.server";

/** The participation table alone, for the seminar's instructors only: what the CSV holds (no heat map or chart). */
export async function getParticipationTable(db: Db, { seminarId, assignmentId, userId, now }: { seminarId: string; assignmentId: string; userId: string; now: Date }) {
  const assignment = await requireAssignmentInstructor(db, { seminarId, assignmentId, userId });
  return { assignment, ...(await getParticipation(db, { assignment, now })) };
}

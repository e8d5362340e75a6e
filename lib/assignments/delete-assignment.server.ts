import type { Db } from "../db/client.server";
import { requireAssignmentInstructor } from "./require-assignment-instructor.server";

/** Deletes an assignment with its audience and extensions. The notes students wrote stay in the essay's margin. */
export async function deleteAssignment(db: Db, { seminarId, assignmentId, userId }: { seminarId: string; assignmentId: string; userId: string }) {
  await requireAssignmentInstructor(db, { seminarId, assignmentId, userId });
  await db.assignment.delete({ where: { id: assignmentId } });
}

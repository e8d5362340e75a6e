import type { Db } from "../db/client.server";
import { requireEditableSeminar } from "../seminars/require-editable-seminar.server";
import { requireAssignmentInstructor } from "./require-assignment-instructor.server";

/**
 * Deletes an assignment with its audience and extensions (not while the seminar is archived). The notes students
 * wrote stay in the essay's margin.
 */
export async function deleteAssignment(db: Db, { seminarId, assignmentId, userId }: { seminarId: string; assignmentId: string; userId: string }) {
  await db.$transaction(async (tx) => {
    await requireAssignmentInstructor(tx, { seminarId, assignmentId, userId });
    await requireEditableSeminar(tx, seminarId, userId);
    await tx.assignment.delete({ where: { id: assignmentId } });
  });
}

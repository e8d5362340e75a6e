import type { Db } from "../db/client.server";
import { requireEditableSeminar } from "../seminars/require-editable-seminar.server";
import { checkChosenStudents } from "./check-chosen-students.server";
import { requireAssignmentInstructor } from "./require-assignment-instructor.server";
import { resolvePassage } from "./resolve-passage.server";
import type { AssignmentFields } from "./schemas";

export type EditAssignmentOptions = AssignmentFields & { assignmentId: string; userId: string };

/**
 * Replaces an assignment's fields and audience. Extensions stay: the later of an extension and the new due time
 * applies, so moving the due time never shortens anyone's. Counting follows at once, since it is never stored.
 * Not while the seminar is archived.
 */
export async function editAssignment(db: Db, { assignmentId, userId, seminarId, essayId, passage, studentIds, ...fields }: EditAssignmentOptions) {
  await db.$transaction(async (tx) => {
    await requireAssignmentInstructor(tx, { seminarId, assignmentId, userId });
    await requireEditableSeminar(tx, seminarId, userId);
    const stored = await resolvePassage(tx, { seminarId, essayId, passage });
    await checkChosenStudents(tx, { seminarId, studentIds });
    await tx.assignment.update({ where: { id: assignmentId }, data: { essayId, ...stored, ...fields } });
    await tx.assignmentStudent.deleteMany({ where: { assignmentId } });
    await tx.assignmentStudent.createMany({ data: studentIds.map((id) => ({ assignmentId, userId: id })) });
  });
}

import type { Db } from "../db/client.server";
import { checkChosenStudents } from "./check-chosen-students.server";
import { requireAssignmentInstructor } from "./require-assignment-instructor.server";
import { resolvePassage } from "./resolve-passage.server";
import type { AssignmentFields } from "./schemas";

export type EditAssignmentOptions = AssignmentFields & { assignmentId: string; userId: string };

/**
 * Replaces an assignment's fields and audience. Extensions stay: the later of an extension and the new due time
 * applies, so moving the due time never shortens anyone's. Counting follows at once, since it is never stored.
 */
export async function editAssignment(db: Db, { assignmentId, userId, seminarId, essayId, passage, studentIds, ...fields }: EditAssignmentOptions) {
  await requireAssignmentInstructor(db, { seminarId, assignmentId, userId });
  const stored = await resolvePassage(db, { seminarId, essayId, passage });
  await checkChosenStudents(db, { seminarId, studentIds });
  await db.$transaction([
    db.assignment.update({ where: { id: assignmentId }, data: { essayId, ...stored, ...fields } }),
    db.assignmentStudent.deleteMany({ where: { assignmentId } }),
    db.assignmentStudent.createMany({ data: studentIds.map((id) => ({ assignmentId, userId: id })) }),
  ]);
}

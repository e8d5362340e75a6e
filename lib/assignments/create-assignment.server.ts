import type { Db } from "../db/client.server";
import { requireEditableSeminar } from "../seminars/require-editable-seminar.server";
import { checkChosenStudents } from "./check-chosen-students.server";
import { resolvePassage } from "./resolve-passage.server";
import type { AssignmentFields } from "./schemas";

export type CreateAssignmentOptions = AssignmentFields & { userId: string };

/**
 * Assigns a passage of an essay on the reading list to the whole seminar or chosen students; instructors only,
 * and not while the seminar is archived.
 */
export async function createAssignment(db: Db, { userId, seminarId, essayId, passage, studentIds, ...fields }: CreateAssignmentOptions) {
  return db.$transaction(async (tx) => {
    await requireEditableSeminar(tx, seminarId, userId);
    const stored = await resolvePassage(tx, { seminarId, essayId, passage });
    await checkChosenStudents(tx, { seminarId, studentIds });
    return tx.assignment.create({
      data: { seminarId, essayId, ...stored, ...fields, students: { create: studentIds.map((id) => ({ userId: id })) } },
      select: { id: true },
    });
  });
}

import type { Db } from "../db/client.server";
import { requireInstructor } from "../seminars/require-instructor.server";
import { checkChosenStudents } from "./check-chosen-students.server";
import { resolvePassage } from "./resolve-passage.server";
import type { AssignmentFields } from "./schemas";

export type CreateAssignmentOptions = AssignmentFields & { userId: string };

/** Assigns a passage of an essay on the reading list to the whole seminar or chosen students; instructors only. */
export async function createAssignment(db: Db, { userId, seminarId, essayId, passage, studentIds, ...fields }: CreateAssignmentOptions) {
  await requireInstructor(db, seminarId, userId);
  const stored = await resolvePassage(db, { seminarId, essayId, passage });
  await checkChosenStudents(db, { seminarId, studentIds });
  return db.assignment.create({
    data: { seminarId, essayId, ...stored, ...fields, students: { create: studentIds.map((id) => ({ userId: id })) } },
    select: { id: true },
  });
}

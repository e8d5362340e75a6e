import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import { requireEditableSeminar } from "../seminars/require-editable-seminar.server";
import { isInAudience } from "./is-in-audience.server";
import { requireAssignmentInstructor } from "./require-assignment-instructor.server";

export type ExtendDueDateOptions = { seminarId: string; assignmentId: string; studentId: string; dueAt: Date; userId: string };

/** Gives one student of the assignment a later due time, replacing any extension they had (not while archived). */
export async function extendDueDate(db: Db, { seminarId, assignmentId, studentId, dueAt, userId }: ExtendDueDateOptions) {
  await db.$transaction(async (tx) => {
    const assignment = await requireAssignmentInstructor(tx, { seminarId, assignmentId, userId });
    await requireEditableSeminar(tx, seminarId, userId);
    if (!(await isInAudience(tx, { assignment, userId: studentId }))) {
      throw new AppError(AppErrorCode.InvalidInput, "Choose one of the students this assignment is for.");
    }
    if (dueAt <= assignment.dueAt) throw new AppError(AppErrorCode.InvalidInput, "An extension must end after the assignment's own due time.");
    await tx.assignmentExtension.upsert({
      where: { assignmentId_userId: { assignmentId, userId: studentId } },
      create: { assignmentId, userId: studentId, dueAt },
      update: { dueAt, grantedAt: new Date() },
    });
  });
}

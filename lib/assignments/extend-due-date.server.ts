import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import { isInAudience } from "./is-in-audience.server";
import { requireAssignmentInstructor } from "./require-assignment-instructor.server";

export type ExtendDueDateOptions = { seminarId: string; assignmentId: string; studentId: string; dueAt: Date; userId: string };

/** Gives one student of the assignment a later due time, replacing any extension they had. */
export async function extendDueDate(db: Db, { seminarId, assignmentId, studentId, dueAt, userId }: ExtendDueDateOptions) {
  const assignment = await requireAssignmentInstructor(db, { seminarId, assignmentId, userId });
  if (!(await isInAudience(db, { assignment, userId: studentId }))) {
    throw new AppError(AppErrorCode.InvalidInput, "Choose one of the students this assignment is for.");
  }
  if (dueAt <= assignment.dueAt) throw new AppError(AppErrorCode.InvalidInput, "An extension must end after the assignment's own due time.");
  await db.assignmentExtension.upsert({
    where: { assignmentId_userId: { assignmentId, userId: studentId } },
    create: { assignmentId, userId: studentId, dueAt },
    update: { dueAt, grantedAt: new Date() },
  });
}

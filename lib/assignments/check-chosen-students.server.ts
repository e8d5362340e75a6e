import type { Db } from "../db/client.server";
import type { Prisma } from "../generated/prisma/client";
import { AppError, AppErrorCode } from "../errors/app-error";

/** Chosen students must be students of the seminar: an assignment is never given to an outsider or an instructor. */
export async function checkChosenStudents(db: Db | Prisma.TransactionClient, { seminarId, studentIds }: { seminarId: string; studentIds: readonly string[] }) {
  if (studentIds.length === 0) return;
  const found = await db.membership.count({ where: { seminarId, role: "student", userId: { in: [...studentIds] } } });
  if (found !== studentIds.length) {
    throw new AppError(AppErrorCode.InvalidInput, "Choose students from this seminar. Someone you chose is not (or no longer) one of its students.");
  }
}

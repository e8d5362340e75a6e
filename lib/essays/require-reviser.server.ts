import { AppError, AppErrorCode } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";
import { requireEditableSeminar } from "../seminars/require-editable-seminar.server";

export const NOT_ON_READING_LIST = "This essay is not on the seminar's reading list, so its instructors cannot revise it here.";

/**
 * Who may revise an essay: an instructor of a seminar that is not archived and reads the essay. Essays are
 * shared between seminars, so any such instructor's revision shows in every room on the essay; the seminar is
 * what makes them answerable for it. Inside the revision's transaction, so an archive cannot slip in between.
 */
export async function requireReviser(tx: Prisma.TransactionClient, { seminarId, essayId, userId }: { seminarId: string; essayId: string; userId: string }): Promise<void> {
  await requireEditableSeminar(tx, seminarId, userId);
  const listed = await tx.seminarEssay.findUnique({ where: { seminarId_essayId: { seminarId, essayId } }, select: { essayId: true } });
  if (!listed) throw new AppError(AppErrorCode.NotFound, NOT_ON_READING_LIST);
}

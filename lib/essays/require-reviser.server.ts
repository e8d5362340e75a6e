import { AppError, AppErrorCode } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";
import { requireEditableSeminar } from "../seminars/require-editable-seminar.server";
import { countSeminarsKeepingFromRevising, keptFromRevisingMessage } from "./seminars-kept-from-revising.server";

export const NOT_ON_READING_LIST = "This essay is not on the seminar's reading list, so its instructors cannot revise it here.";

/**
 * Who may revise an essay: an instructor of a seminar that is not archived and reads the essay, who also teaches
 * every other seminar reading it (essays are shared, and a revision shows in every room on the essay). The
 * public room's notes are re-placed for its readers like any room's. Inside the revision's transaction, so an
 * archive or another seminar's adding the essay cannot slip in between.
 */
export async function requireReviser(tx: Prisma.TransactionClient, { seminarId, essayId, userId }: { seminarId: string; essayId: string; userId: string }): Promise<void> {
  await requireEditableSeminar(tx, seminarId, userId);
  const listed = await tx.seminarEssay.findUnique({ where: { seminarId_essayId: { seminarId, essayId } }, select: { essayId: true } });
  if (!listed) throw new AppError(AppErrorCode.NotFound, NOT_ON_READING_LIST);
  const others = await countSeminarsKeepingFromRevising(tx, { essayId, userId });
  if (others > 0) throw new AppError(AppErrorCode.Conflict, keptFromRevisingMessage(others));
}

import { AppError, AppErrorCode } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";
import { requireInstructor } from "./require-instructor.server";

export const SEMINAR_ARCHIVED = "This seminar is archived, so nothing in it can be changed. An instructor can unarchive it first.";

/**
 * The check every change to a seminar or its contents starts with, inside the change's transaction: the caller
 * teaches the seminar and it is not archived. The seminar's row stays share-locked until the transaction ends,
 * so archiving (an UPDATE of that row) waits for changes already under way, and a change that starts after an
 * archive sees it: nothing slips in once the archive has committed. Non-members hear only that they may not.
 */
export async function requireEditableSeminar(tx: Prisma.TransactionClient, seminarId: string, userId: string): Promise<void> {
  const [seminar] = await tx.$queryRaw<Array<{ archivedAt: Date | null }>>`SELECT "archivedAt" FROM "Seminar" WHERE "id" = ${seminarId} FOR SHARE`;
  await requireInstructor(tx, seminarId, userId);
  if (seminar?.archivedAt) throw new AppError(AppErrorCode.Conflict, SEMINAR_ARCHIVED);
}

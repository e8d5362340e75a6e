import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import { requireEditableSeminar } from "./require-editable-seminar.server";

export const NOT_REMOVED = "That person was not removed from this seminar, so there is nothing to undo.";

/**
 * Lets someone an instructor removed join again with the invite code: an instructor of the seminar, while it is not
 * archived, takes back the removal. It does not make them a member; they join as anyone does.
 */
export async function letRejoin(db: Db, { seminarId, personId, userId }: { seminarId: string; personId: string; userId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await requireEditableSeminar(tx, seminarId, userId);
    const { count } = await tx.removal.deleteMany({ where: { seminarId, userId: personId } });
    if (count === 0) throw new AppError(AppErrorCode.NotFound, NOT_REMOVED);
  });
}

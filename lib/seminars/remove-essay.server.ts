import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import { notifyAccessChange } from "../live/notify-access-change.server";
import { requireEditableSeminar } from "./require-editable-seminar.server";

export const NOT_ON_LIST = "That essay is not on the seminar's reading list (any more).";

/**
 * Takes an essay off the seminar's reading list. Its room, log and relational copy are kept: nobody can open
 * them while the essay is off the list (authorizeRoom), and adding the essay again brings the discussion back
 * whole. Every websocket server is told, so readers who have the essay open lose its room at once.
 */
export async function removeEssay(db: Db, { seminarId, essayId, userId }: { seminarId: string; essayId: string; userId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await requireEditableSeminar(tx, seminarId, userId);
    const { count } = await tx.seminarEssay.deleteMany({ where: { seminarId, essayId } });
    if (count === 0) throw new AppError(AppErrorCode.NotFound, NOT_ON_LIST);
    await notifyAccessChange(tx, { type: "essay-removed", seminarId, essayId });
  });
}

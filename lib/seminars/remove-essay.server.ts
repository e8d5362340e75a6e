import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import { notifyAccessChange } from "../live/notify-access-change.server";
import { requireEditableSeminar } from "./require-editable-seminar.server";

export const NOT_ON_LIST = "That essay is not on the seminar's reading list (any more).";

/** Said when assignments still point at the essay: their students would be sent to a page that no longer opens. */
export function essayHasAssignments(count: number): string {
  return count === 1
    ? "An assignment uses this essay. Delete it first, or keep the essay on the list."
    : `${count} assignments use this essay. Delete them first, or keep the essay on the list.`;
}

/**
 * Takes an essay off the seminar's reading list. Its room, log and relational copy are kept: nobody can open
 * them while the essay is off the list (authorizeRoom), and adding the essay again brings the discussion back
 * whole. Every websocket server is told, so readers who have the essay open lose its room at once. Refused while
 * assignments use the essay.
 */
export async function removeEssay(db: Db, { seminarId, essayId, userId }: { seminarId: string; essayId: string; userId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    // Exclusive, where other changes share: no assignment can be made on the essay between the count and the removal.
    await tx.$queryRaw`SELECT 1 FROM "Seminar" WHERE "id" = ${seminarId} FOR UPDATE`;
    await requireEditableSeminar(tx, seminarId, userId);
    const assignments = await tx.assignment.count({ where: { seminarId, essayId } });
    if (assignments > 0) throw new AppError(AppErrorCode.Conflict, essayHasAssignments(assignments));
    const { count } = await tx.seminarEssay.deleteMany({ where: { seminarId, essayId } });
    if (count === 0) throw new AppError(AppErrorCode.NotFound, NOT_ON_LIST);
    await notifyAccessChange(tx, { type: "essay-removed", seminarId, essayId });
  });
}

import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import { notifyAccessChange } from "../live/notify-access-change.server";
import { requireEditableSeminar } from "./require-editable-seminar.server";

export const NOT_A_MEMBER = "That person is not a member of this seminar (any more).";
export const LAST_INSTRUCTOR = "You are this seminar's only instructor, so you cannot remove yourself: a seminar needs someone to run it.";

/**
 * Removes a member from a seminar; only its instructors may, never the last instructor, and not while the seminar
 * is archived. The member's pages refuse them from the next request (membership is read on every one), and every
 * websocket server is told to close their connections to the seminar's rooms. Their notes stay in the margin.
 * Someone removed by another is recorded (Removal), so the invite code does not let them straight back in; an
 * instructor who leaves is not.
 */
export async function removeMember(db: Db, { seminarId, memberId, userId }: { seminarId: string; memberId: string; userId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    // Removals in one seminar take turns, so two instructors removing each other cannot leave it with none.
    await tx.$queryRaw`SELECT 1 FROM "Seminar" WHERE "id" = ${seminarId} FOR UPDATE`;
    await requireEditableSeminar(tx, seminarId, userId);
    const member = await tx.membership.findUnique({ where: { seminarId_userId: { seminarId, userId: memberId } }, select: { role: true } });
    if (!member) throw new AppError(AppErrorCode.NotFound, NOT_A_MEMBER);
    if (member.role === "instructor" && (await tx.membership.count({ where: { seminarId, role: "instructor" } })) <= 1) {
      throw new AppError(AppErrorCode.Conflict, LAST_INSTRUCTOR);
    }
    await tx.membership.delete({ where: { seminarId_userId: { seminarId, userId: memberId } } });
    if (memberId !== userId) await tx.removal.upsert({ where: { seminarId_userId: { seminarId, userId: memberId } }, create: { seminarId, userId: memberId }, update: {} });
    await notifyAccessChange(tx, { type: "member-removed", seminarId, userId: memberId });
  });
}

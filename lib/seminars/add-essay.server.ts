import type { Db } from "../db/client.server";
import { roomIdFor } from "../doc/layout";
import { AppError, AppErrorCode } from "../errors/app-error";
import { requireEditableSeminar } from "./require-editable-seminar.server";

/**
 * Puts an essay on the seminar's reading list and opens the seminar's room on it. An essay that was on the list
 * before finds its room as it was left (removeEssay keeps it), so its discussion comes back whole.
 */
export async function addEssay(db: Db, { seminarId, essayId, userId }: { seminarId: string; essayId: string; userId: string }) {
  await db.$transaction(async (tx) => {
    await requireEditableSeminar(tx, seminarId, userId);
    const essay = await tx.essay.findUnique({ where: { id: essayId }, select: { id: true } });
    if (!essay) throw new AppError(AppErrorCode.NotFound, "That essay does not exist.");
    await tx.seminarEssay.upsert({ where: { seminarId_essayId: { seminarId, essayId } }, create: { seminarId, essayId }, update: {} });
    const roomId = roomIdFor(essayId, seminarId);
    await tx.room.upsert({ where: { id: roomId }, create: { id: roomId, essayId, seminarId }, update: {} });
  });
}

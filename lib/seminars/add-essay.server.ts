import type { Db } from "../db/client.server";
import { roomIdFor } from "../doc/layout";
import { AppError, AppErrorCode } from "../errors/app-error";
import { requireInstructor } from "./require-instructor.server";

/** Puts an essay on the seminar's reading list and opens the seminar's room on it. */
export async function addEssay(db: Db, { seminarId, essayId, userId }: { seminarId: string; essayId: string; userId: string }) {
  await requireInstructor(db, seminarId, userId);
  const essay = await db.essay.findUnique({ where: { id: essayId }, select: { id: true } });
  if (!essay) throw new AppError(AppErrorCode.NotFound, "That essay does not exist.");
  await db.$transaction([
    db.seminarEssay.upsert({ where: { seminarId_essayId: { seminarId, essayId } }, create: { seminarId, essayId }, update: {} }),
    db.room.upsert({ where: { id: roomIdFor(essayId, seminarId) }, create: { id: roomIdFor(essayId, seminarId), essayId, seminarId }, update: {} }),
  ]);
}

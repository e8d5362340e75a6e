import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";

export const CODE_DOES_NOT_WORK = "This invite code does not work. Ask your instructor for a new one.";
export const ARCHIVED_NOT_JOINABLE = "This seminar is archived, so nobody can join it now. Ask your instructor.";
export const REMOVED_NOT_JOINABLE = "An instructor removed you from this seminar, so its invite code does not let you back in. Ask them to let you rejoin.";

/**
 * Joins the seminar whose live invite code this is, as a student; a member keeps the role they have. An archived
 * seminar takes no new members: joining changes it, and it is read-only. Someone an instructor removed is refused
 * until an instructor lets them rejoin (let-rejoin.server.ts).
 */
export async function joinSeminar(db: Db, { code, userId }: { code: string; userId: string }) {
  return db.$transaction(async (tx) => {
    // Share-locked like every other change (require-editable-seminar.server.ts), so a join cannot follow an archive.
    const [seminar] = await tx.$queryRaw<Array<{ id: string; archivedAt: Date | null }>>`
      SELECT "id", "archivedAt" FROM "Seminar" WHERE "inviteCode" = ${code} FOR SHARE`;
    if (!seminar) throw new AppError(AppErrorCode.NotFound, CODE_DOES_NOT_WORK);
    if (seminar.archivedAt) throw new AppError(AppErrorCode.Conflict, ARCHIVED_NOT_JOINABLE);
    const removed = await tx.removal.findUnique({ where: { seminarId_userId: { seminarId: seminar.id, userId } }, select: { userId: true } });
    if (removed) throw new AppError(AppErrorCode.Forbidden, REMOVED_NOT_JOINABLE);
    await tx.membership.upsert({
      where: { seminarId_userId: { seminarId: seminar.id, userId } },
      create: { seminarId: seminar.id, userId, role: "student" },
      update: {},
    });
    return { id: seminar.id };
  });
}

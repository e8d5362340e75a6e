import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";

/** Joins the seminar whose live invite code this is, as a student; a member keeps the role they have. */
export async function joinSeminar(db: Db, { code, userId }: { code: string; userId: string }) {
  const seminar = await db.seminar.findUnique({ where: { inviteCode: code }, select: { id: true } });
  if (!seminar) throw new AppError(AppErrorCode.NotFound, "This invite code does not work. Ask your instructor for a new one.");
  await db.membership.upsert({
    where: { seminarId_userId: { seminarId: seminar.id, userId } },
    create: { seminarId: seminar.id, userId, role: "student" },
    update: {},
  });
  return seminar;
}

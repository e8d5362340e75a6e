import type { Db } from "../db/client.server";
import { generateInviteCode } from "./invite-code";
import { requireInstructor } from "./require-instructor.server";

/** Regenerates the seminar's invite code (the old one stops working) or revokes it (`revoke: true`). */
export async function setInviteCode(db: Db, { seminarId, userId, revoke }: { seminarId: string; userId: string; revoke: boolean }) {
  await requireInstructor(db, seminarId, userId);
  return db.seminar.update({
    where: { id: seminarId },
    data: { inviteCode: revoke ? null : generateInviteCode() },
    select: { inviteCode: true },
  });
}

import type { Db } from "../db/client.server";
import { generateInviteCode } from "./invite-code";
import { requireEditableSeminar } from "./require-editable-seminar.server";

/** Regenerates the seminar's invite code (the old one stops working) or revokes it (`revoke: true`). */
export async function setInviteCode(db: Db, { seminarId, userId, revoke }: { seminarId: string; userId: string; revoke: boolean }) {
  return db.$transaction(async (tx) => {
    await requireEditableSeminar(tx, seminarId, userId);
    return tx.seminar.update({
      where: { id: seminarId },
      data: { inviteCode: revoke ? null : generateInviteCode() },
      select: { inviteCode: true },
    });
  });
}

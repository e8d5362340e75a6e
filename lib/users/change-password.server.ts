import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import { notifyAccessChange } from "../live/notify-access-change.server";
import { hitThrottle } from "../security/hit-throttle.server";
import { THROTTLE_RULES } from "../security/throttle-rules";
import { tryAgainIn } from "../security/try-again";
import { hashPassword, verifyPassword } from "./password.server";


/**
 * Sets a new password once the current one is given. Every session of the account ends (its sessionVersion moves
 * on, as on sign-out), so a device someone else signed in on is out too; the form signs this browser in again with
 * the new password.
 */
export async function changePassword(db: Db, { userId, current, password }: { userId: string; current: string; password: string }): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, sessionVersion: true } });
  if (!user) throw new AppError(AppErrorCode.NotFound, "This account no longer exists.");
  const hit = await hitThrottle(db, `change-password:${userId}`, THROTTLE_RULES.changePasswordPerUser);
  if (!hit.allowed) throw new AppError(AppErrorCode.RateLimited, `Too many attempts to change your password. Try again ${tryAgainIn(hit.retryAfterMs)}.`);
  if (!(await verifyPassword(user.passwordHash, current))) throw new AppError(AppErrorCode.InvalidInput, "That is not your current password.");
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, sessionVersion: user.sessionVersion }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // Signed out (or the password changed) elsewhere meanwhile: this form's session is over, and so is its say.
    if (count === 0) throw new AppError(AppErrorCode.Conflict, "Your session ended while this was being saved. Sign in and try again.");
    await notifyAccessChange(tx, { type: "signed-out", userId, sessionVersion: user.sessionVersion + 1 });
  });
}

import type { Db } from "../db/client.server";
import { notifyAccessChange } from "../live/notify-access-change.server";

/**
 * Ends every session of a user that carries `sessionVersion`, on every device (intended: a JWT cannot be revoked
 * one by one, and "sign out" on a shared computer should not leave another device signed in unknowingly). Pages
 * refuse the older tokens at once (getSessionUser); websocket servers are told and close the user's sockets.
 * A token that is already out of date changes nothing, so an old stolen cookie cannot sign anyone out again.
 */
export async function endSessions(db: Db, { userId, sessionVersion }: { userId: string; sessionVersion: number }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, sessionVersion }, data: { sessionVersion: { increment: 1 } } });
    if (count === 0) return false;
    await notifyAccessChange(tx, { type: "signed-out", userId, sessionVersion: sessionVersion + 1 });
    return true;
  });
}

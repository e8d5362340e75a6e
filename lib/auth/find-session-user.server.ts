import type { Db } from "../db/client.server";

export type SessionClaims = { userId: string; sessionVersion: number };

/**
 * The user a session token names, read from the database, or null when the account is gone or the token was
 * issued before the user last signed out (its version is older). Used for pages (session.server.ts) and
 * websockets (server/authenticate.ts) alike.
 */
export async function findSessionUser(db: Db, { userId, sessionVersion }: SessionClaims) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, sessionVersion: true } });
  if (!user || user.sessionVersion !== sessionVersion) return null;
  return user;
}

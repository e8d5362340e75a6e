import type { Db } from "../db/client.server";

export type SessionClaims = { userId: string; sessionVersion: number };

/**
 * The user a session token names, read from the database, or null when the account is gone or the token was
 * issued before the user last signed out (its version is older). Used for pages (session.server.ts) and
 * websockets (server/authenticate.ts, which reads the row in batches) alike.
 */
export async function findSessionUser(db: Db, claims: SessionClaims) {
  const user = await db.user.findUnique({ where: { id: claims.userId }, select: { id: true, name: true, email: true, sessionVersion: true } });
  return currentSessionUser(user, claims);
}

/** The user row read for a session, or null when there is none or the session's version is not the current one. */
export function currentSessionUser<User extends { sessionVersion: number }>(user: User | null | undefined, { sessionVersion }: SessionClaims): User | null {
  if (!user || user.sessionVersion !== sessionVersion) return null;
  return user;
}

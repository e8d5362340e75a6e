import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "../db/client.server";
import { findSessionUser } from "./find-session-user.server";
import { authOptions } from "./options.server";

export type SessionUser = { id: string; name: string; email: string };

/**
 * The signed-in user, read from the database rather than the token, so a deleted account, a changed name or a
 * sign-out on any device (which makes older tokens' session version stale) takes effect at once.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const user = await findSessionUser(getDb(), { userId: session.user.id, sessionVersion: session.sessionVersion ?? 0 });
  return user && { id: user.id, name: user.name, email: user.email };
}

export async function requireUser(next?: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  return user;
}

import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "../db/client.server";
import { authOptions } from "./options.server";

export type SessionUser = { id: string; name: string; email: string };

/**
 * The signed-in user, read from the database rather than the token, so a deleted account or a changed name
 * takes effect at once.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return getDb().user.findUnique({ where: { id: session.user.id }, select: { id: true, name: true, email: true } });
}

export async function requireUser(next?: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  return user;
}

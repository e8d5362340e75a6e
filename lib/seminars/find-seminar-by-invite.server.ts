import type { Db } from "../db/client.server";

/**
 * The seminar a live invite code opens, for the join page's "Join {name}?" question; null for an unknown or
 * revoked code. `code` must already be normalized by InviteCodeSchema.
 */
export async function findSeminarByInvite(db: Db, { code }: { code: string }) {
  const seminar = await db.seminar.findUnique({ where: { inviteCode: code }, select: { id: true, name: true, term: true, archivedAt: true } });
  if (!seminar) return null;
  const { archivedAt, ...rest } = seminar;
  // An archived seminar takes no new members (joinSeminar); the page says so rather than offer a button that fails.
  return { ...rest, archived: archivedAt !== null };
}

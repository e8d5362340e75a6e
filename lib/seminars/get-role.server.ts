import type { Db } from "../db/client.server";

export type SeminarRole = "instructor" | "student";

/** The user's role in the seminar, from the database; null when not a member. */
export async function getRole(db: Db, seminarId: string, userId: string): Promise<SeminarRole | null> {
  const membership = await db.membership.findUnique({
    where: { seminarId_userId: { seminarId, userId } },
    select: { role: true },
  });
  return membership?.role ?? null;
}

import type { Db } from "../db/client.server";
import type { Prisma } from "../generated/prisma/client";

export type SeminarRole = "instructor" | "student";

/** The user's role in the seminar, from the database; null when not a member. Works inside a transaction too. */
export async function getRole(db: Db | Prisma.TransactionClient, seminarId: string, userId: string): Promise<SeminarRole | null> {
  const membership = await db.membership.findUnique({
    where: { seminarId_userId: { seminarId, userId } },
    select: { role: true },
  });
  return membership?.role ?? null;
}

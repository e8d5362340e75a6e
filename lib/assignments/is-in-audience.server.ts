import type { Db } from "../db/client.server";
import type { Prisma } from "../generated/prisma/client";

type AudienceOf = { id: string; seminarId: string; audience: "everyone" | "chosen" };

/** Whether the assignment is given to this user: a student of its seminar, chosen when the audience is chosen. */
export async function isInAudience(db: Db | Prisma.TransactionClient, { assignment, userId }: { assignment: AudienceOf; userId: string }): Promise<boolean> {
  const [membership, chosen] = await Promise.all([
    db.membership.findUnique({ where: { seminarId_userId: { seminarId: assignment.seminarId, userId } }, select: { role: true } }),
    assignment.audience === "chosen"
      ? db.assignmentStudent.findUnique({ where: { assignmentId_userId: { assignmentId: assignment.id, userId } }, select: { userId: true } })
      : null,
  ]);
  return membership?.role === "student" && (assignment.audience === "everyone" || chosen !== null);
}

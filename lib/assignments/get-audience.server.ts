import type { Db } from "../db/client.server";

type AudienceOf = { id: string; seminarId: string; audience: "everyone" | "chosen" };

/**
 * The students an assignment is for, by name: the seminar's current students, or those of them chosen. Someone
 * removed from the seminar drops out, chosen or not. `studentId` narrows it to one (empty if not among them).
 */
export async function getAudience(db: Db, { assignment, studentId }: { assignment: AudienceOf; studentId?: string }) {
  const members = await db.membership.findMany({
    where: {
      seminarId: assignment.seminarId,
      role: "student",
      ...(studentId ? { userId: studentId } : {}),
      ...(assignment.audience === "chosen" ? { user: { assignedTo: { some: { assignmentId: assignment.id } } } } : {}),
    },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return members.map(({ user }) => user);
}

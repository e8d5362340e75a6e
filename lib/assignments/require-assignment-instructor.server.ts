import type { Db } from "../db/client.server";
import type { Prisma } from "../generated/prisma/client";
import { getRole } from "../seminars/get-role.server";
import { assignmentNotAvailable } from "./not-available";

/**
 * The assignment, for one of its seminar's instructors; anyone else (its students included) is told it does
 * not exist, as is an instructor who names it under another seminar.
 */
export async function requireAssignmentInstructor(db: Db | Prisma.TransactionClient, { seminarId, assignmentId, userId }: { seminarId: string; assignmentId: string; userId: string }) {
  const [role, assignment] = await Promise.all([getRole(db, seminarId, userId), db.assignment.findUnique({ where: { id: assignmentId } })]);
  if (role !== "instructor" || !assignment || assignment.seminarId !== seminarId) throw assignmentNotAvailable();
  return assignment;
}

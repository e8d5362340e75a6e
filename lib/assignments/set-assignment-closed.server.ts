import type { Db } from "../db/client.server";
import { requireAssignmentInstructor } from "./require-assignment-instructor.server";

export type SetAssignmentClosedOptions = { seminarId: string; assignmentId: string; userId: string; closed: boolean; now: Date };

/**
 * Closes an assignment (what students do afterwards no longer counts toward it) or reopens it (everything
 * counts again, nothing was thrown away). Closing twice keeps the first closing time.
 */
export async function setAssignmentClosed(db: Db, { seminarId, assignmentId, userId, closed, now }: SetAssignmentClosedOptions) {
  const assignment = await requireAssignmentInstructor(db, { seminarId, assignmentId, userId });
  if (closed === (assignment.closedAt !== null)) return;
  await db.assignment.update({ where: { id: assignmentId }, data: { closedAt: closed ? now : null } });
}

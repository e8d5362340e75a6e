import type { Db } from "../db/client.server";
import { requireEditableSeminar } from "../seminars/require-editable-seminar.server";
import { requireAssignmentInstructor } from "./require-assignment-instructor.server";

export type SetAssignmentClosedOptions = { seminarId: string; assignmentId: string; userId: string; closed: boolean; now: Date };

/**
 * Closes an assignment (what students do afterwards no longer counts toward it) or reopens it (everything
 * counts again, nothing was thrown away). Closing twice keeps the first closing time. Not while the seminar is
 * archived.
 */
export async function setAssignmentClosed(db: Db, { seminarId, assignmentId, userId, closed, now }: SetAssignmentClosedOptions) {
  await db.$transaction(async (tx) => {
    const assignment = await requireAssignmentInstructor(tx, { seminarId, assignmentId, userId });
    await requireEditableSeminar(tx, seminarId, userId);
    if (closed === (assignment.closedAt !== null)) return;
    await tx.assignment.update({ where: { id: assignmentId }, data: { closedAt: closed ? now : null } });
  });
}

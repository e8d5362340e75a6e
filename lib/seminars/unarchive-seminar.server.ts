import type { Db } from "../db/client.server";
import { requireInstructor } from "./require-instructor.server";

/**
 * Opens an archived seminar for changes again. Nothing needs telling: readers connected while it was archived
 * have read-only pages and connections, and get writable ones when they reload.
 */
export async function unarchiveSeminar(db: Db, { seminarId, userId }: { seminarId: string; userId: string }): Promise<void> {
  await requireInstructor(db, seminarId, userId);
  await db.seminar.update({ where: { id: seminarId }, data: { archivedAt: null } });
}

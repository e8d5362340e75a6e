import type { Db } from "../db/client.server";
import { notifyAccessChange } from "../live/notify-access-change.server";
import { requireInstructor } from "./require-instructor.server";

/**
 * Archives a seminar: from the commit on it is read-only for everyone, instructors included, until unarchived.
 * Pages and server actions read `archivedAt` on every request; websocket servers are told in the same
 * transaction, so connections open on its rooms close at once (4423) and reopen read-only. The UPDATE waits for
 * changes already under way (requireEditableSeminar holds the row). Archiving an archived seminar changes nothing.
 */
export async function archiveSeminar(db: Db, { seminarId, userId }: { seminarId: string; userId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await requireInstructor(tx, seminarId, userId);
    const { count } = await tx.seminar.updateMany({ where: { id: seminarId, archivedAt: null }, data: { archivedAt: new Date() } });
    if (count > 0) await notifyAccessChange(tx, { type: "seminar-archived", seminarId });
  });
}

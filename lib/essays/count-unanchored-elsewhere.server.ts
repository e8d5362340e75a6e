import type { Db } from "../db/client.server";
import { roomIdFor } from "../doc/layout";
import { requireInstructor } from "../seminars/require-instructor.server";

/**
 * How many notes outside this seminar's room (other seminars', the open room's, readers' private notes) the essay as
 * it stands leaves unanchored. The review list is the seminar's own, as its instructor answers for that room only;
 * this count, and nothing more about those notes, tells them what else a revision did. Their readers find them under
 * "Unanchored notes", and exports keep them.
 */
export async function countUnanchoredElsewhere(db: Db, { seminarId, essayId, userId }: { seminarId: string; essayId: string; userId: string }): Promise<number> {
  await requireInstructor(db, seminarId, userId);
  return db.annotation.count({
    where: { shownAs: "unanchored", deletedAt: null, room: { essayId, id: { not: roomIdFor(essayId, seminarId) } } },
  });
}

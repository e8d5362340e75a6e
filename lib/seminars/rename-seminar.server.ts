import type { Db } from "../db/client.server";
import { requireEditableSeminar } from "./require-editable-seminar.server";

export type RenameSeminarOptions = { seminarId: string; name: string; term: string; userId: string };

/** Changes the seminar's name and term, as its instructors see fit (not while it is archived). */
export async function renameSeminar(db: Db, { seminarId, name, term, userId }: RenameSeminarOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    await requireEditableSeminar(tx, seminarId, userId);
    await tx.seminar.update({ where: { id: seminarId }, data: { name, term } });
  });
}

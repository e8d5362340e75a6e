import type { Db } from "../db/client.server";
import { placeNotes } from "./place-notes.server";

/**
 * Places notes the websocket server has just copied (new ones, and those an instructor placed or whose placement
 * was removed). Most were written on the text as it is and stay where they were stored, which costs three reads and
 * no write; the others were written from a page opened before a revision, or copied while one was being saved.
 */
export async function placeCopiedNotes(db: Db, { essayId, roomId, annotationIds }: { essayId: string; roomId: string; annotationIds: string[] }): Promise<string[]> {
  if (annotationIds.length === 0) return [];
  return db.$transaction(async (tx) => {
    // A revision holds this row for update until every note of the essay is placed against its new text: waiting
    // for it here means these notes are placed against that text too, never against the one it replaced.
    await tx.$queryRaw`SELECT 1 FROM "Essay" WHERE "id" = ${essayId} FOR SHARE`;
    return placeNotes(tx, { essayId, only: { roomId, annotationIds } });
  });
}

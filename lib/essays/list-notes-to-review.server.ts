import type { Db } from "../db/client.server";
import { roomIdFor } from "../doc/layout";
import { readAnchors, readAnnotations } from "../doc/read";
import { revisionImpact, type NoteOutcome } from "../doc/revision-impact";
import { readRoomDocument } from "../rooms/read-room-document.server";
import { requireInstructor } from "../seminars/require-instructor.server";
import { IN_ESSAY } from "./in-essay";

/**
 * The seminar room's notes that a revision left uncertain or unanchored, oldest first, for the instructor's
 * review list. Computed from the essay as it is now, so the list empties itself as the text is put right.
 */
export async function listNotesToReview(db: Db, { seminarId, essayId, userId }: { seminarId: string; essayId: string; userId: string }): Promise<NoteOutcome[]> {
  await requireInstructor(db, seminarId, userId);
  const paragraphs = await db.paragraph.findMany({ where: { essayId, ...IN_ESSAY }, orderBy: { position: "asc" }, select: { id: true, text: true } });
  const doc = await readRoomDocument(db, roomIdFor(essayId, seminarId));
  const { notes } = revisionImpact(readAnnotations(doc), paragraphs, readAnchors(doc));
  return notes
    .filter((n) => n.outcome === "review" || n.outcome === "unanchored")
    .sort((a, b) => a.annotation.createdAt - b.annotation.createdAt);
}

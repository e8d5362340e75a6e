import type { Db } from "../db/client.server";
import { roomIdFor } from "../doc/layout";
import { readAnchors, readAnnotations } from "../doc/read";
import { revisionImpact, type NoteOutcomeKind } from "../doc/revision-impact";
import { readRoomDocument } from "../rooms/read-room-document.server";
import { IN_ESSAY } from "./in-essay";
import { requireReviser } from "./require-reviser.server";
import { planRevision, readRevisedText, type RevisionPlan } from "./revision-plan";

export type RevisionPreview = { plan: RevisionPlan; dropped: string[]; notes: Record<NoteOutcomeKind, number> };

/**
 * What saving this text would do, without saving it: the paragraph plan, what the importer would cut, and
 * what would happen to the notes in this seminar's room. Other rooms on the essay (other seminars', the open
 * room, private notes) are re-anchored the same way but are not counted here: they are not this seminar's.
 */
export async function previewRevision(db: Db, { seminarId, essayId, userId, text }: { seminarId: string; essayId: string; userId: string; text: string }): Promise<RevisionPreview> {
  const { title, current } = await db.$transaction(async (tx) => {
    await requireReviser(tx, { seminarId, essayId, userId });
    const essay = await tx.essay.findUniqueOrThrow({
      where: { id: essayId },
      select: { title: true, paragraphs: { where: IN_ESSAY, orderBy: { position: "asc" }, select: { id: true, kind: true, text: true } } },
    });
    return { title: essay.title, current: essay.paragraphs };
  });
  const { paragraphs, dropped } = readRevisedText(text, title);
  const plan = planRevision(current, paragraphs);
  // New paragraphs have no id yet; any id no note points at will do for counting.
  const after = plan.paragraphs.map((p, i) => ({ id: p.id ?? `planned-${i}`, text: p.text }));
  const doc = await readRoomDocument(db, roomIdFor(essayId, seminarId));
  return { plan, dropped, notes: revisionImpact(readAnnotations(doc), after, readAnchors(doc)).counts };
}

/**
 * What a revision does to a room's notes, note by note: stays, moves (other offsets or another paragraph),
 * needs review (placed with low confidence) or becomes unanchored. The revise page counts these before saving
 * and lists the last two afterwards, for the instructor to check. Pure: the caller loads the room's document.
 */
import type { Annotation } from "./layout";
import { reanchor, reanchorReason, type EssayParagraph } from "./reanchor";

export type NoteOutcomeKind = "stay" | "move" | "review" | "unanchored";
export type NoteOutcome = {
  annotation: Annotation;
  outcome: NoteOutcomeKind;
  /** Why it needs review or is unanchored, in the instructor's words; null otherwise. */
  reason: string | null;
  /** The paragraph it is shown beside after the revision; null when unanchored. */
  paragraphId: string | null;
};
export type RevisionImpact = { notes: NoteOutcome[]; counts: Record<NoteOutcomeKind, number> };

export function noteOutcome(annotation: Annotation, paragraphs: ReadonlyArray<EssayParagraph>): NoteOutcome {
  if (!annotation.selector) {
    const here = paragraphs.some((p) => p.id === annotation.paragraphId);
    return here
      ? { annotation, outcome: "stay", reason: null, paragraphId: annotation.paragraphId }
      : { annotation, outcome: "unanchored", reason: "the paragraph was removed", paragraphId: null };
  }
  const placed = reanchor(annotation.paragraphId, annotation.selector, paragraphs);
  if (placed.orphan) return { annotation, outcome: "unanchored", reason: reanchorReason(placed), paragraphId: null };
  const outcome = placed.review ? "review" : placed.moved ? "move" : "stay";
  return { annotation, outcome, reason: reanchorReason(placed), paragraphId: placed.paragraphId };
}

export function revisionImpact(annotations: ReadonlyArray<Annotation>, paragraphs: ReadonlyArray<EssayParagraph>): RevisionImpact {
  const notes = annotations.map((a) => noteOutcome(a, paragraphs));
  const counts = { stay: 0, move: 0, review: 0, unanchored: 0 };
  for (const note of notes) counts[note.outcome]++;
  return { notes, counts };
}

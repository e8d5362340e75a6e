/**
 * What a revision does to a room's notes, note by note: stays, moves (other offsets or another paragraph),
 * needs review (placed with low confidence) or becomes unanchored. The revise page counts these before saving
 * and lists the last two afterwards, for the instructor to check. A note an instructor placed is judged from
 * their placement, as readers see it (place-note.ts). Pure: the caller loads the room's document.
 */
import type { Anchor, Annotation } from "./layout";
import { placeNote } from "./place-note";
import type { EssayParagraph } from "./reanchor";

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

export function noteOutcome(annotation: Annotation, paragraphs: ReadonlyArray<EssayParagraph>, anchor?: Anchor): NoteOutcome {
  const shown = placeNote(annotation, anchor, paragraphs);
  if (shown.as === "unanchored") return { annotation, outcome: "unanchored", reason: shown.reason, paragraphId: null };
  const outcome = shown.as === "review" ? "review" : shown.moved ? "move" : "stay";
  return { annotation, outcome, reason: shown.reason, paragraphId: shown.paragraphId };
}

export function revisionImpact(
  annotations: ReadonlyArray<Annotation>,
  paragraphs: ReadonlyArray<EssayParagraph>,
  anchors: ReadonlyMap<string, Anchor> = new Map(),
): RevisionImpact {
  const notes = annotations.map((a) => noteOutcome(a, paragraphs, anchors.get(a.id)));
  const counts = { stay: 0, move: 0, review: 0, unanchored: 0 };
  for (const note of notes) counts[note.outcome]++;
  return { notes, counts };
}

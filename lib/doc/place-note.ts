/**
 * Where a note is shown in the essay as it is now: the one rule the reading page (read.ts), the revise page's
 * counts and review list (revision-impact.ts) and the relational copy that reports read (lib/placements) all
 * follow, so an export or a heat map puts a note where its readers see it. Pure.
 *
 * An instructor's placement (the anchors map) wins over the author's selector; either is re-anchored across the
 * essay (reanchor.ts), so a placement made before a later revision follows its words too. A comment on a whole
 * paragraph stays with its paragraph while the paragraph is in the essay.
 */
import type { Anchor, Annotation } from "./layout";
import { reanchor, reanchorReason, type EssayParagraph } from "./reanchor";

/**
 * - stored: where its author's selector says;
 * - moved: its words were found elsewhere, surely;
 * - review: placed, with too little certainty: readers and the instructor are asked to check it;
 * - placed: where an instructor placed it;
 * - unanchored: not in the essay as it is now.
 */
export type ShownAs = "stored" | "moved" | "review" | "placed" | "unanchored";

export type ShownPlace =
  | {
      as: Exclude<ShownAs, "unanchored">;
      paragraphId: string;
      /** The words it covers; null for a comment on a whole paragraph. */
      span: { start: number; end: number } | null;
      /** Not where its selector (the placement's, if any) says: other words or another paragraph. */
      moved: boolean;
      /** Why a person should check it, in their words; null when sure. */
      reason: string | null;
    }
  | { as: "unanchored"; reason: string };

export type NoteTarget = Pick<Annotation, "paragraphId" | "selector">;
export type Placement = Pick<Anchor, "paragraphId" | "selector">;

export function placeNote(note: NoteTarget, placement: Placement | null | undefined, paragraphs: ReadonlyArray<EssayParagraph>): ShownPlace {
  const target = placement ?? note;
  if (!target.selector) {
    return paragraphs.some((p) => p.id === target.paragraphId)
      ? { as: "stored", paragraphId: target.paragraphId, span: null, moved: false, reason: null }
      : { as: "unanchored", reason: "the paragraph was removed" };
  }
  const found = reanchor(target.paragraphId, target.selector, paragraphs);
  if (found.orphan) return { as: "unanchored", reason: reanchorReason(found)! };
  const as = found.review ? "review" : placement ? "placed" : found.moved ? "moved" : "stored";
  return { as, paragraphId: found.paragraphId, span: { start: found.start, end: found.end }, moved: found.moved, reason: reanchorReason(found) };
}

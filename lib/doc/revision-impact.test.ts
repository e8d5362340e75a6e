import { describe, expect, it } from "vitest";
import { selectorsFor } from "./anchor";
import type { Annotation } from "./layout";
import { revisionImpact } from "./revision-impact";

const before = [
  { id: "para-one", text: "The victory of the Taliban was carefully prepared by Moscow, for a long time already. Nobody saw it coming." },
  { id: "para-two", text: "Both sides jumped at the opportunity, and this was a logical move." },
];

function mark(id: string, paragraph: (typeof before)[number], words: string): Annotation {
  const start = paragraph.text.indexOf(words);
  return {
    id, authorId: "user-ada", authorName: "Ada", paragraphId: paragraph.id, kind: "highlight", color: "yellow",
    selector: selectorsFor(paragraph.text, { start, end: start + words.length }), createdAt: 1,
  };
}
const wholeParagraph = (id: string, paragraphId: string): Annotation => ({
  id, authorId: "user-ada", authorName: "Ada", paragraphId, kind: "paragraph", color: null, selector: null, createdAt: 2,
});

describe("revisionImpact", () => {
  it("counts notes that stay, move, need review and become unanchored, with reasons", () => {
    const notes = [
      mark("stays", before[0]!, "The victory"),
      mark("moves", before[0]!, "Nobody saw it coming."),
      mark("review", before[0]!, "Moscow, for a long time"),
      mark("gone", before[1]!, "jumped at the opportunity"),
      wholeParagraph("whole-gone", "para-two"),
      wholeParagraph("whole-stays", "para-one"),
    ];
    const after = [
      { id: "para-one", text: "The victory of the Taliban was carefully prepared by Moscow," },
      { id: "para-new", text: "for a long time already." },
      { id: "para-three", text: "Nobody saw it coming." },
    ];
    const impact = revisionImpact(notes, after);
    expect(impact.counts).toEqual({ stay: 2, move: 1, review: 1, unanchored: 2 });
    const byId = new Map(impact.notes.map((n) => [n.annotation.id, n]));
    expect(byId.get("moves")).toMatchObject({ outcome: "move", paragraphId: "para-three", reason: null });
    expect(byId.get("review")).toMatchObject({ outcome: "review", paragraphId: "para-one" });
    expect(byId.get("review")!.reason).toBeTruthy();
    expect(byId.get("gone")).toMatchObject({ outcome: "unanchored", reason: "the paragraph was removed" });
    expect(byId.get("whole-gone")).toMatchObject({ outcome: "unanchored", reason: "the paragraph was removed" });
    expect(impact.notes).toHaveLength(notes.length);
  });

  it("judges a note an instructor placed from the placement, as readers see it", () => {
    const gone = mark("gone", before[1]!, "jumped at the opportunity");
    const after = [{ id: "para-one", text: before[0]!.text }];
    const words = mark("x", before[0]!, "Nobody saw it coming.");
    expect(revisionImpact([gone], after).counts).toMatchObject({ unanchored: 1 });
    const placement = { id: "gone", paragraphId: words.paragraphId, selector: words.selector!, byId: "user-teacher", byName: "Teacher", at: 3 };
    const impact = revisionImpact([gone], after, new Map([["gone", placement]]));
    expect(impact.notes[0]).toMatchObject({ outcome: "stay", paragraphId: "para-one", reason: null });
  });
});

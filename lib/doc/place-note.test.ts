import { describe, expect, it } from "vitest";
import { selectorsFor } from "./anchor";
import { placeNote } from "./place-note";

const before = { id: "para-one", text: "The victory of the Taliban was carefully prepared by Moscow, for a long time already. Nobody in Kabul saw it coming." };
const on = (paragraph: { id: string; text: string }, words: string) => {
  const start = paragraph.text.indexOf(words);
  return { paragraphId: paragraph.id, selector: selectorsFor(paragraph.text, { start, end: start + words.length }) };
};

describe("placeNote", () => {
  const after = [
    { id: "para-one", text: "The victory of the Taliban was carefully prepared by Moscow, for a long time already." },
    { id: "para-two", text: "Nobody in Kabul saw it coming." },
  ];

  it("says whether a note is where it was written, moved with its words, or gone", () => {
    expect(placeNote(on(before, "The victory"), null, after)).toEqual({ as: "stored", paragraphId: "para-one", span: { start: 0, end: 11 }, moved: false, reason: null });
    expect(placeNote(on(before, "Nobody in Kabul saw it coming"), null, after)).toMatchObject({ as: "moved", paragraphId: "para-two", span: { start: 0, end: 29 }, moved: true });
    expect(placeNote({ paragraphId: "para-gone", selector: null }, null, after)).toEqual({ as: "unanchored", reason: "the paragraph was removed" });
    expect(placeNote({ paragraphId: "para-two", selector: null }, null, after)).toMatchObject({ as: "stored", paragraphId: "para-two", span: null });
  });

  it("follows an instructor's placement rather than the author's words, and re-anchors it too", () => {
    const gone = on({ id: "para-old", text: "Words that were cut from the essay entirely." }, "cut from the essay");
    expect(placeNote(gone, null, after)).toMatchObject({ as: "unanchored" });
    const placement = on(after[0]!, "for a long time already");
    expect(placeNote(gone, placement, after)).toMatchObject({ as: "placed", paragraphId: "para-one", span: { start: 61, end: 84 }, moved: false });
    // A later revision moves the placed words: the note follows them, still as the instructor's placement.
    const later = [{ id: "para-one", text: "The victory of the Taliban was carefully prepared by Moscow." }, { id: "para-three", text: "It was prepared for a long time already." }];
    expect(placeNote(gone, placement, later)).toMatchObject({ as: "placed", paragraphId: "para-three", moved: true });
    // A placement on a whole paragraph's comment moves it to the placed words.
    expect(placeNote({ paragraphId: "para-gone", selector: null }, placement, after)).toMatchObject({ as: "placed", paragraphId: "para-one" });
  });
});

/** Which annotations fall in a passage: the overlap rules at their edges, and quoting a passage. */
import { describe, expect, it } from "vitest";
import { isInPassage, locatePassage, quotePassage, type PlacedPassage } from "./passage";

// From character 10 of paragraph 2 up to (not including) character 20 of paragraph 4.
const passage: PlacedPassage = { start: { position: 2, offset: 10 }, end: { position: 4, offset: 20 } };
const highlight = (position: number, start: number, end: number) => ({ position, kind: "highlight", start, end });
const paragraphNote = (position: number) => ({ position, kind: "paragraph", start: null, end: null });

describe("what is in a passage", () => {
  it("takes highlights inside it and those that cross either edge", () => {
    expect(isInPassage(passage, highlight(3, 0, 5))).toBe(true);
    expect(isInPassage(passage, highlight(2, 12, 40))).toBe(true);
    expect(isInPassage(passage, highlight(4, 15, 60))).toBe(true); // starts inside, ends after
    expect(isInPassage(passage, highlight(2, 0, 11))).toBe(true); // starts before, ends inside
  });

  it("leaves out highlights that only touch an edge or lie outside", () => {
    expect(isInPassage(passage, highlight(2, 0, 10))).toBe(false); // ends where the passage starts
    expect(isInPassage(passage, highlight(4, 20, 30))).toBe(false); // starts where it ends
    expect(isInPassage(passage, highlight(1, 0, 99))).toBe(false);
    expect(isInPassage(passage, highlight(5, 0, 3))).toBe(false);
  });

  it("takes a note on any paragraph the passage reaches into, and no other", () => {
    expect([1, 2, 3, 4, 5].map((p) => isInPassage(passage, paragraphNote(p)))).toEqual([false, true, true, true, false]);
  });

  it("works within one paragraph", () => {
    const within: PlacedPassage = { start: { position: 7, offset: 5 }, end: { position: 7, offset: 9 } };
    expect(isInPassage(within, highlight(7, 8, 30))).toBe(true);
    expect(isInPassage(within, highlight(7, 0, 5))).toBe(false);
    expect(isInPassage(within, paragraphNote(7))).toBe(true);
  });
});

describe("placing and quoting a passage", () => {
  const paragraphs = [
    { id: "c", position: 2, text: "Third paragraph." },
    { id: "a", position: 0, text: "First paragraph." },
    { id: "b", position: 1, text: "Second one." },
  ];

  it("quotes across paragraphs in reading order, from the start offset to the end offset", () => {
    expect(quotePassage(paragraphs, { startParagraphId: "a", startOffset: 6, endParagraphId: "c", endOffset: 5 })).toBe("paragraph.\n\nSecond one.\n\nThird");
    expect(quotePassage(paragraphs, { startParagraphId: "b", startOffset: 0, endParagraphId: "b", endOffset: 11 })).toBe("Second one.");
  });

  it("refuses a passage that ends before it starts, leaves its paragraphs or names another essay's", () => {
    expect(quotePassage(paragraphs, { startParagraphId: "c", startOffset: 0, endParagraphId: "a", endOffset: 5 })).toBeNull();
    expect(quotePassage(paragraphs, { startParagraphId: "a", startOffset: 5, endParagraphId: "a", endOffset: 5 })).toBeNull();
    expect(quotePassage(paragraphs, { startParagraphId: "a", startOffset: 0, endParagraphId: "b", endOffset: 12 })).toBeNull();
    expect(quotePassage(paragraphs, { startParagraphId: "a", startOffset: 16, endParagraphId: "b", endOffset: 3 })).toBeNull();
    expect(quotePassage(paragraphs, { startParagraphId: "z", startOffset: 0, endParagraphId: "b", endOffset: 3 })).toBeNull();
    expect(locatePassage(paragraphs, { startParagraphId: "a", startOffset: 0, endParagraphId: "z", endOffset: 3 })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { movePassage } from "./move-passage";
import type { Passage } from "./passage";

const before = [
  { id: "p1", text: "Moscow had kept channels open to the movement for years, long before the fall of Kabul." },
  { id: "p2", text: "The Kremlin wanted a safe condcut for its diplomats, and it got one without much trouble." },
  { id: "p3", text: "Yet the Central Asian republics worry Moscow more than Kabul does, and for good reason." },
  { id: "p4", text: "None of this makes Russia an ally of the West in Afghanistan, or anywhere else." },
];

/** From "safe condcut" (sic) in p2 to "more than Kabul" in p3. */
const passage: Passage = {
  startParagraphId: "p2",
  startOffset: before[1]!.text.indexOf("safe condcut"),
  endParagraphId: "p3",
  endOffset: before[2]!.text.indexOf("more than Kabul") + "more than Kabul".length,
};
const words = (p: { startOffset: number; endOffset: number } | null, after: typeof before) => {
  if (!p) return null;
  const moved = p as Passage;
  const first = after.find((x) => x.id === moved.startParagraphId)!;
  const last = after.find((x) => x.id === moved.endParagraphId)!;
  return [first.text.slice(moved.startOffset, moved.startOffset + 12), last.text.slice(moved.endOffset - 15, moved.endOffset)];
};

describe("movePassage", () => {
  it("keeps the passage on its words when a typo in its opening words is fixed and a paragraph is inserted before it", () => {
    const after = [
      before[0]!,
      { id: "new", text: "An inserted paragraph arrives before the passage." },
      { id: "p2", text: "The Kremlin had wanted a safe conduct for its diplomats, and it got one without much trouble." },
      before[2]!,
      before[3]!,
    ];
    const moved = movePassage(passage, before, after);
    expect(moved).toMatchObject({ startParagraphId: "p2", endParagraphId: "p3", endOffset: passage.endOffset });
    expect(words(moved, after)).toEqual(["safe conduct", "more than Kabul"]);
    expect(moved!.quote.startsWith("safe conduct for its diplomats")).toBe(true);
  });

  it("follows its closing words into the second half of a split paragraph, and takes in a paragraph inserted inside", () => {
    const [firstHalf, secondHalf] = [before[2]!.text.slice(0, 31), before[2]!.text.slice(32)];
    const after = [before[0]!, before[1]!, { id: "inside", text: "A new paragraph inside the passage." }, { id: "p3", text: firstHalf }, { id: "p3b", text: secondHalf }, before[3]!];
    const moved = movePassage(passage, before, after);
    expect(moved).toMatchObject({ startParagraphId: "p2", endParagraphId: "p3b" });
    expect(words(moved, after)).toEqual(["safe condcut", "more than Kabul"]);
    expect(moved!.quote).toContain("A new paragraph inside the passage.");
  });

  it("shrinks to what survived when the opening paragraph is removed, and closes at the end of what is left when the closing words go", () => {
    const opened = movePassage(passage, before, [before[0]!, before[2]!, before[3]!]);
    expect(opened).toMatchObject({ startParagraphId: "p3", startOffset: 0, endParagraphId: "p3", endOffset: passage.endOffset });

    const closed = movePassage(passage, before, [before[0]!, before[1]!, { id: "p3", text: "Yet the Central Asian republics are quiet." }, before[3]!]);
    expect(closed).toMatchObject({ startParagraphId: "p2", endParagraphId: "p3", endOffset: "Yet the Central Asian republics are quiet.".length });
  });

  it("is gone when nothing of it is left", () => {
    expect(movePassage(passage, before, [before[0]!, before[3]!])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { sentencesOf, stepSelection, wordsOf } from "./keyboard-selection";

const text = "The victory was prepared. Moscow, for a long time, kept channels open! Why?";
const words = (span: { start: number; end: number } | null) => (span ? text.slice(span.start, span.end) : null);

describe("keyboard selection", () => {
  it("splits words without punctuation and sentences without trailing spaces", () => {
    expect(wordsOf(text).slice(0, 4).map((w) => text.slice(w.start, w.end))).toEqual(["The", "victory", "was", "prepared"]);
    expect(sentencesOf(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "The victory was prepared.",
      "Moscow, for a long time, kept channels open!",
      "Why?",
    ]);
  });

  it("moves a word at a time, and stops at the ends", () => {
    let span = stepSelection(text, null, "next-word");
    expect(words(span)).toBe("The");
    span = stepSelection(text, span, "next-word");
    expect(words(span)).toBe("victory");
    span = stepSelection(text, span, "previous-word");
    expect(words(span)).toBe("The");
    expect(words(stepSelection(text, span, "previous-word"))).toBe("The");
    expect(words(stepSelection(text, null, "previous-word"))).toBe("Why");
    expect(words(stepSelection(text, { start: text.length - 4, end: text.length - 1 }, "next-word"))).toBe("Why");
  });

  it("extends and shrinks by words across punctuation", () => {
    let span = stepSelection(text, { start: 26, end: 32 }, "extend-word");
    expect(words(span)).toBe("Moscow, for");
    span = stepSelection(text, span, "extend-word");
    expect(words(span)).toBe("Moscow, for a");
    span = stepSelection(text, span, "shrink-word");
    expect(words(span)).toBe("Moscow, for");
    expect(words(stepSelection(text, { start: 26, end: 32 }, "shrink-word"))).toBe("Moscow");
  });

  it("picks and extends whole sentences", () => {
    let span = stepSelection(text, null, "next-sentence");
    expect(words(span)).toBe("The victory was prepared.");
    span = stepSelection(text, span, "next-sentence");
    expect(words(span)).toBe("Moscow, for a long time, kept channels open!");
    expect(words(stepSelection(text, span, "extend-sentence"))).toBe("Moscow, for a long time, kept channels open! Why?");
    expect(words(stepSelection(text, span, "previous-sentence"))).toBe("The victory was prepared.");
    // From a word, the next sentence is the one after it.
    expect(words(stepSelection(text, { start: 4, end: 11 }, "next-sentence"))).toBe("Moscow, for a long time, kept channels open!");
  });

  it("has nothing to pick in a paragraph without words", () => {
    expect(stepSelection("— …", null, "next-word")).toBeNull();
  });
});

describe("describeArrivals", () => {
  const label = (id: string) => (id === "p1" ? "¶ 1" : "¶ 2");
  it("reads one comment with its author, place and words; several as one sentence", async () => {
    const { describeArrivals } = await import("./use-arrivals");
    expect(describeArrivals([{ authorName: "Ben", body: "Years of contacts.", paragraphId: "p1" }], label)).toBe("New comment from Ben on ¶ 1: Years of contacts.");
    const many = ["Ada", "Ben", "Ada", "Cleo", "Dan"].map((authorName) => ({ authorName, body: "…", paragraphId: "p2" }));
    expect(describeArrivals(many.slice(0, 3), label)).toBe("3 new comments, from Ada, Ben.");
    expect(describeArrivals(many, label)).toBe("5 new comments, from Ada, Ben, Cleo and 1 more.");
    expect(describeArrivals([], label)).toBe("");
  });
});

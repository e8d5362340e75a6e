import { describe, expect, it } from "vitest";
import { locate, selectorsFor } from "./anchor";

const text =
  "In the short term, the Kremlin secured a safe-conduct for its diplomats. In the long term, the Kremlin " +
  "may find the new power an unreliable partner.";

/** Selectors for the `occurrence`-th (0-based) appearance of `words` in `source`. */
function selectorsOf(words: string, occurrence = 0, source = text) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = source.indexOf(words, start + 1);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return selectorsFor(source, { start, end: start + words.length });
}

describe("selectorsFor", () => {
  it("keeps the exact words, up to 32 characters of context on each side, and their offsets", () => {
    const start = text.indexOf("safe-conduct");
    const [quote, position] = selectorsOf("safe-conduct");
    expect(quote).toEqual({
      type: "TextQuoteSelector",
      exact: "safe-conduct",
      prefix: "ort term, the Kremlin secured a ",
      suffix: " for its diplomats. In the long ",
    });
    expect(quote.prefix.length + quote.suffix.length).toBeLessThanOrEqual(64);
    expect(position).toEqual({ type: "TextPositionSelector", start, end: start + 12 });
  });

  it("clips the context at the paragraph's ends", () => {
    const [quote] = selectorsOf("In the short term");
    expect(quote.prefix).toBe("");
    expect(quote.suffix).toHaveLength(32);
    const [last] = selectorsOf("partner.");
    expect(last.suffix).toBe("");
  });

  it("counts offsets in UTF-16 code units, as DOM ranges do", () => {
    const emoji = "Before 🦊 the “fox” after";
    const start = emoji.indexOf("“fox”");
    const selectors = selectorsFor(emoji, { start, end: start + 5 });
    expect(selectors[1].start).toBe(14); // 13 code points, but the fox takes two UTF-16 units
    expect(locate(emoji, selectors)).toEqual({ start: 14, end: 19 });
  });
});

describe("locate", () => {
  it("uses the position when the text there is still the quote", () => {
    const selectors = selectorsOf("the Kremlin", 1);
    expect(locate(text, selectors)).toEqual({ start: selectors[1].start, end: selectors[1].end });
  });

  it("finds the words again when text was inserted before them", () => {
    const selectors = selectorsOf("safe-conduct");
    const found = locate("Note: " + text, selectors);
    expect(found).toEqual({ start: selectors[1].start + 6, end: selectors[1].end + 6 });
  });

  it("prefers the occurrence whose context still matches over a nearer one", () => {
    // The second "the Kremlin" is highlighted; then the first sentence grows by 60 characters, so the old
    // offset now falls right next to the first occurrence, but only the second keeps its prefix and suffix.
    const second = selectorsOf("the Kremlin", 1);
    const edited = text.replace("In the short term, ", "In the short term, which ended sooner than anyone had expected, ");
    expect(Math.abs(edited.indexOf("the Kremlin") - second[1].start)).toBeLessThan(
      Math.abs(edited.lastIndexOf("the Kremlin") - second[1].start),
    );
    const found = locate(edited, second)!;
    expect(found.start).toBe(edited.lastIndexOf("the Kremlin"));
    expect(edited.slice(found.end, found.end + 4)).toBe(" may");
  });

  it("picks the occurrence nearest the old position when no context matches", () => {
    const repeated = "one word, two word, three word, four word";
    const [quote] = selectorsOf("word", 2, repeated);
    const found = locate(repeated.toUpperCase().replaceAll("WORD", "word"), [
      quote,
      { type: "TextPositionSelector", start: 27, end: 31 },
    ]);
    expect(found).toEqual({ start: 26, end: 30 });
  });

  it("falls back to an approximate match when a word inside the quote was corrected", () => {
    const selectors = selectorsOf("secured a safe-conduct for its diplomats");
    const corrected = text.replace("safe-conduct", "safe conduct").replace("its diplomats", "its diplomat");
    const found = locate(corrected, selectors)!;
    expect(corrected.slice(found.start, found.end)).toMatch(/^secured a safe conduct for its diplomats?$/);
  });

  it("returns null when the words are gone", () => {
    const selectors = selectorsOf("safe-conduct");
    expect(locate(text.replace("safe-conduct", "passage"), selectors)).toBeNull();
  });

  it("does not fuzzily place a short quote on different words", () => {
    const selectors = selectorsOf("term");
    expect(locate(text.replaceAll("term", "tern"), selectors)).toBeNull();
  });

  it("ignores a position past the end of a shortened text and searches instead", () => {
    const selectors = selectorsOf("partner.");
    expect(locate("An unreliable partner.", selectors)).toEqual({ start: 14, end: 22 });
  });
});

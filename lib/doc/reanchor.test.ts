import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importEssay } from "../essays/import-essay";
import { selectorsFor } from "./anchor";
import { REVIEW_BELOW, reanchor, reanchorReason, type EssayParagraph, type Placed, type Reanchored } from "./reanchor";

const seedText = fs.readFileSync(new URL("../../prisma/seed/the-taliban-against-russia.txt", import.meta.url), "utf8");
const seed: EssayParagraph[] = importEssay(seedText).paragraphs.map((p, i) => ({ id: `para-${i}`, text: p.text }));

const victory = seed.findIndex((p) => p.text.startsWith("The victory of the Taliban"));
const bothSides = seed.findIndex((p) => p.text.startsWith("Both sides jumped"));
const VICTORY = seed[victory]!;
const BOTH_SIDES = seed[bothSides]!;

type Note = { id: string; paragraphId: string; selector: ReturnType<typeof selectorsFor> };

/** A highlight on the first occurrence of `words` in the paragraph, as the browser would make it. */
function note(id: string, paragraph: EssayParagraph, words: string, from = 0): Note {
  const start = paragraph.text.indexOf(words, from);
  if (start < 0) throw new Error(`"${words}" is not in ${paragraph.id}`);
  return { id, paragraphId: paragraph.id, selector: selectorsFor(paragraph.text, { start, end: start + words.length }) };
}

const notes = {
  moscow: note("moscow", VICTORY, "Moscow"),
  prepared: note("prepared", VICTORY, "carefully prepared by Moscow"),
  safeConduct: note("safe-conduct", VICTORY, "completed a form of safe-conduct for his diplomats"),
  ally: note("ally", VICTORY, "Russia could be an ally in Afghanistan"),
  spanning: note("spanning", VICTORY, "a terrorist organization. In the short term, Putin"),
  protection: note("protection", VICTORY, "under the “protection” of the Islamist movement"),
  jumped: note("jumped", BOTH_SIDES, "jumped at the opportunity"),
  bothMoscow: note("both-moscow", BOTH_SIDES, "Moscow"),
};
const all = Object.values(notes);

function run(paragraphs: EssayParagraph[]): Map<string, Reanchored> {
  return new Map(all.map((n) => [n.id, reanchor(n.paragraphId, n.selector, paragraphs)]));
}

function replaceParagraph(paragraphs: EssayParagraph[], id: string, ...replacement: EssayParagraph[]): EssayParagraph[] {
  return paragraphs.flatMap((p) => (p.id === id ? replacement : [p]));
}

/** The words a placement covers in the revised essay. */
function words(paragraphs: EssayParagraph[], result: Reanchored | undefined): string {
  expect(result?.orphan).toBeFalsy();
  const placed = result as Placed;
  return paragraphs.find((p) => p.id === placed.paragraphId)!.text.slice(placed.start, placed.end);
}

/** No note disappears: each comes back either placed on text that exists or as an orphan with a reason. */
function expectNoneLost(results: Map<string, Reanchored>, paragraphs: EssayParagraph[]) {
  expect([...results.keys()].sort()).toEqual(all.map((n) => n.id).sort());
  for (const result of results.values()) {
    if (result.orphan) expect(reanchorReason(result)).toBeTruthy();
    else {
      const text = paragraphs.find((p) => p.id === result.paragraphId)?.text;
      expect(text).toBeDefined();
      expect(result.end).toBeLessThanOrEqual(text!.length);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(result.review !== null).toBe(result.confidence < REVIEW_BELOW);
    }
  }
}

describe("reanchor on the seed essay", () => {
  it("leaves every note where it was, sure of it, when nothing changed", () => {
    const results = run(seed);
    for (const n of all) {
      expect(results.get(n.id)).toMatchObject({ paragraphId: n.paragraphId, start: n.selector[1].start, method: "position", confidence: 1, moved: false, review: null });
    }
    expectNoneLost(results, seed);
  });

  it("a typo fixed inside a quote: the note stays on the corrected words, found approximately", () => {
    const revised = replaceParagraph(seed, VICTORY.id, { id: VICTORY.id, text: VICTORY.text.replace("safe-conduct", "safe conduct") });
    const results = run(revised);
    const placed = results.get("safe-conduct") as Placed;
    expect(words(revised, placed)).toBe("completed a form of safe conduct for his diplomats");
    expect(placed).toMatchObject({ paragraphId: VICTORY.id, method: "fuzzy", review: null });
    expect(placed.confidence).toBeGreaterThanOrEqual(REVIEW_BELOW);
    expect(words(revised, results.get("ally"))).toBe("Russia could be an ally in Afghanistan");
    expect(results.get("ally")).toMatchObject({ method: "position", moved: false, confidence: 1 });
    expectNoneLost(results, revised);
  });

  it("a typo fixed inside a quote that changes its length: the note covers the corrected words; later notes shift", () => {
    const typo = { id: VICTORY.id, text: VICTORY.text.replace("safe-conduct", "safe-condct") };
    const made = note("typo", typo, "a form of safe-condct for his");
    const fixed = typo.text.replace("safe-condct", "safe-conduct");
    const revised = replaceParagraph(seed, VICTORY.id, { id: VICTORY.id, text: fixed });
    const placed = reanchor(made.paragraphId, made.selector, revised) as Placed;
    expect(words(revised, placed)).toBe("a form of safe-conduct for his");
    expect(placed).toMatchObject({ method: "fuzzy", review: null });
    // Notes after the fix in the same paragraph were made on the typo'd text; they shifted by one character.
    const ally = note("ally-typo", typo, "Russia could be an ally in Afghanistan");
    expect(reanchor(ally.paragraphId, ally.selector, revised)).toMatchObject({ method: "quote", moved: true, confidence: 1, start: ally.selector[1].start + 1 });
    expectNoneLost(run(revised), revised);
  });

  it("a paragraph inserted before: every note keeps its paragraph and words", () => {
    const inserted = { id: "para-new", text: "Editor's note: this essay was first published in September 2021 about Moscow and Kabul." };
    const revised = [...seed.slice(0, victory), inserted, ...seed.slice(victory)];
    const results = run(revised);
    for (const n of all) {
      expect(results.get(n.id)).toMatchObject({ paragraphId: n.paragraphId, method: "position", confidence: 1, moved: false });
    }
    expectNoneLost(results, revised);
  });

  it("a paragraph split: notes in the second half move there; one across the split is flagged for review", () => {
    const cut = VICTORY.text.indexOf("In the short term");
    const first = { id: VICTORY.id, text: VICTORY.text.slice(0, cut).trimEnd() };
    const second = { id: "para-split", text: VICTORY.text.slice(cut) };
    const revised = replaceParagraph(seed, VICTORY.id, first, second);
    const results = run(revised);

    expect(results.get("prepared")).toMatchObject({ paragraphId: VICTORY.id, method: "position", moved: false, confidence: 1 });
    expect(results.get("moscow")).toMatchObject({ paragraphId: VICTORY.id, moved: false, confidence: 1 });
    for (const id of ["ally", "safe-conduct", "protection"]) {
      const placed = results.get(id) as Placed;
      expect(placed).toMatchObject({ paragraphId: "para-split", method: "quote", moved: true, review: null });
      expect(words(revised, placed)).toBe(all.find((n) => n.id === id)!.selector[0].exact);
    }
    const spanning = results.get("spanning") as Placed;
    expect(spanning).toMatchObject({ paragraphId: VICTORY.id, review: "split" });
    expect(words(revised, spanning)).toBe("a terrorist organization.");
    expect(reanchorReason(spanning)).toMatch(/split/);
    expectNoneLost(results, revised);
  });

  it("the quoted words deleted: the note is an orphan because its words were deleted", () => {
    const text = VICTORY.text.replace(", who are now in some way under the “protection” of the Islamist movement", "");
    const revised = replaceParagraph(seed, VICTORY.id, { id: VICTORY.id, text });
    const results = run(revised);
    expect(results.get("protection")).toEqual({ orphan: true, reason: "words-deleted" });
    expect(reanchorReason(results.get("protection")!)).toBe("the quoted words were deleted");
    expect(words(revised, results.get("safe-conduct"))).toBe("completed a form of safe-conduct for his diplomats");
    expectNoneLost(results, revised);
  });

  it("a paragraph removed: its notes are orphans, and a short quote never lands on the same word elsewhere", () => {
    const revised = seed.filter((p) => p.id !== BOTH_SIDES.id);
    const results = run(revised);
    expect(results.get("jumped")).toEqual({ orphan: true, reason: "paragraph-removed" });
    expect(reanchorReason(results.get("jumped")!)).toBe("the paragraph was removed");
    // "Moscow" occurs sixteen more times in the essay, none of them in the removed passage.
    expect(results.get("both-moscow")).toEqual({ orphan: true, reason: "only-elsewhere-out-of-context" });
    expectNoneLost(results, revised);
  });

  it("a paragraph merged into its neighbour: its notes follow the words into that paragraph", () => {
    const previous = seed[bothSides - 1]!;
    const merged = { id: previous.id, text: `${previous.text}: ${BOTH_SIDES.text}` };
    const revised = replaceParagraph(seed, previous.id, merged).filter((p) => p.id !== BOTH_SIDES.id);
    const results = run(revised);
    expect(results.get("jumped")).toMatchObject({ paragraphId: previous.id, method: "quote", moved: true, review: null });
    expect(words(revised, results.get("jumped"))).toBe("jumped at the opportunity");
    expectNoneLost(results, revised);
  });

  it("words moved to another paragraph without their surroundings: placed, but flagged for review", () => {
    const text = BOTH_SIDES.text.replace("jumped at the opportunity", "waited");
    const moved = { id: "para-moved", text: "Some say that Moscow and Beijing jumped at the opportunity offered by the fall of Kabul." };
    const revised = [...replaceParagraph(seed, BOTH_SIDES.id, { id: BOTH_SIDES.id, text }), moved];
    const results = run(revised);
    const jumped = results.get("jumped") as Placed;
    expect(jumped.paragraphId).toBe("para-moved");
    expect(words(revised, jumped)).toBe("jumped at the opportunity");
    expect(jumped.review).toBe("moved-without-context");
    expectNoneLost(results, revised);
  });

  it("a short quote whose words were rewritten is not placed approximately on a look-alike", () => {
    const text = BOTH_SIDES.text.replace("Moscow and Beijing", "Moskva and Beijing");
    const revised = replaceParagraph(seed, BOTH_SIDES.id, { id: BOTH_SIDES.id, text });
    const result = run(revised).get("both-moscow")!;
    // Either found approximately with its context intact (then flagged as edited), or not at all.
    if (!result.orphan) {
      expect(words(revised, result)).toBe("Moskva");
      expect(result.paragraphId).toBe(BOTH_SIDES.id);
    } else {
      expect(result.reason).not.toBe("paragraph-removed");
    }
  });

  it("prefers the occurrence with its old context when the same words stay twice in the paragraph", () => {
    const second = note("second-the-kremlin", VICTORY, "the Kremlin", VICTORY.text.indexOf("the Kremlin") + 1);
    const text = VICTORY.text.replace("The victory of the Taliban", "The long-awaited victory of the Taliban");
    const result = reanchor(second.paragraphId, second.selector, [{ id: VICTORY.id, text }]) as Placed;
    expect(result.start).toBe(text.lastIndexOf("the Kremlin"));
    expect(result).toMatchObject({ method: "quote", confidence: 1, moved: true });
  });
});

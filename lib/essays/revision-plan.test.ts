import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importEssay, type ImportedParagraph } from "./import-essay";
import { planRevision, type CurrentParagraph } from "./revision-plan";

const seedText = fs.readFileSync(new URL("../../prisma/seed/the-taliban-against-russia.txt", import.meta.url), "utf8");
const current: CurrentParagraph[] = importEssay(seedText).paragraphs.map((p, i) => ({ id: `para-${i}`, ...p }));
const texts = (): ImportedParagraph[] => current.map(({ kind, text }) => ({ kind, text }));
const victory = current.findIndex((p) => p.text.startsWith("The victory of the Taliban"));

describe("planRevision on the seed essay", () => {
  it("keeps every id when nothing changed", () => {
    const plan = planRevision(current, texts());
    expect(plan.paragraphs.map((p) => [p.id, p.change])).toEqual(current.map((p) => [p.id, "kept"]));
    expect(plan.removed).toEqual([]);
    expect(plan.counts).toEqual({ kept: current.length, edited: 0, split: 0, inserted: 0, removed: 0 });
  });

  it("keeps the id of a paragraph whose typo was fixed", () => {
    const revised = texts();
    revised[victory] = { ...revised[victory]!, text: revised[victory]!.text.replace("safe-conduct", "safe conduct") };
    const plan = planRevision(current, revised);
    expect(plan.paragraphs[victory]).toMatchObject({ id: current[victory]!.id, change: "edited", text: revised[victory]!.text });
    expect(plan.counts).toMatchObject({ kept: current.length - 1, edited: 1 });
  });

  it("gives an inserted paragraph a new id and keeps the others", () => {
    const revised = texts();
    revised.splice(victory, 0, { kind: "body", text: "Editor's note: this essay was first published in September 2021." });
    const plan = planRevision(current, revised);
    expect(plan.paragraphs[victory]).toMatchObject({ id: null, change: "inserted" });
    expect(plan.paragraphs.filter((p) => p.id !== null).map((p) => p.id)).toEqual(current.map((p) => p.id));
    expect(plan.counts).toMatchObject({ inserted: 1, kept: current.length, removed: 0 });
  });

  it("keeps the id on the first part of a split and gives the rest new ids", () => {
    const revised = texts();
    const text = revised[victory]!.text;
    const cut = text.indexOf("In the short term");
    revised.splice(victory, 1, { kind: "body", text: text.slice(0, cut).trimEnd() }, { kind: "body", text: text.slice(cut) });
    const plan = planRevision(current, revised);
    expect(plan.paragraphs[victory]).toMatchObject({ id: current[victory]!.id, change: "split", splitFrom: null });
    expect(plan.paragraphs[victory + 1]).toMatchObject({ id: null, change: "split", splitFrom: current[victory]!.id, text: text.slice(cut) });
    expect(plan.paragraphs[victory + 2]!.id).toBe(current[victory + 1]!.id);
    expect(plan.counts).toMatchObject({ split: 1, kept: current.length - 1, inserted: 0, removed: 0 });
  });

  it("lists a removed paragraph, keeping the neighbours' ids", () => {
    const revised = texts();
    revised.splice(victory + 1, 1);
    const plan = planRevision(current, revised);
    expect(plan.removed.map((p) => p.id)).toEqual([current[victory + 1]!.id]);
    expect(plan.paragraphs.map((p) => p.id)).toEqual(current.filter((_, i) => i !== victory + 1).map((p) => p.id));
  });

  it("does not mistake a kept paragraph followed by a new one for a split", () => {
    const revised = texts();
    revised.splice(victory + 1, 0, { kind: "body", text: "A short aside about Kabul, in the days after the fall." });
    const plan = planRevision(current, revised);
    expect(plan.paragraphs[victory]).toMatchObject({ id: current[victory]!.id, change: "kept" });
    expect(plan.paragraphs[victory + 1]).toMatchObject({ id: null, change: "inserted" });
  });

  it("treats a rewritten paragraph as removed and inserted, not as the same one", () => {
    const revised = texts();
    revised[victory] = { kind: "body", text: "An entirely different opening paragraph, about something else altogether." };
    const plan = planRevision(current, revised);
    expect(plan.removed.map((p) => p.id)).toEqual([current[victory]!.id]);
    expect(plan.paragraphs[victory]).toMatchObject({ id: null, change: "inserted" });
  });

  it("keeps the id of a heading whose kind changed, as an edit", () => {
    const heading = current.findIndex((p) => p.kind === "heading");
    const revised = texts();
    revised[heading] = { ...revised[heading]!, kind: "body" };
    expect(planRevision(current, revised).paragraphs[heading]).toMatchObject({ id: current[heading]!.id, change: "edited", kind: "body" });
  });
});

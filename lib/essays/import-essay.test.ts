import fs from "node:fs";
import { describe, it, expect } from "vitest";
import { importEssay, ImportEssayError } from "./import-essay";
import { seedEssays } from "../../prisma/seed/essays";

const seed = fs.readFileSync(
  new URL("../../prisma/seed/the-taliban-against-russia.txt", import.meta.url),
  "utf8",
);

function importError(run: () => unknown): ImportEssayError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportEssayError);
    return error as ImportEssayError;
  }
  throw new Error("expected importEssay to throw");
}

const texts = (kind: string, essay = importEssay(seed)) =>
  essay.paragraphs.filter((p) => p.kind === kind).map((p) => p.text);

describe("importEssay on the seed essay", () => {
  const essay = importEssay(seed);

  it("takes the first line as the title and finds no byline", () => {
    expect(essay.title).toBe("The Taliban Against Russia? Neither Alliance, nor Fight");
    expect(essay.author).toBeNull();
    expect(essay.paragraphs.some((p) => p.text === essay.title)).toBe(false);
  });

  it("finds the three section headings, in order", () => {
    expect(texts("heading", essay)).toEqual([
      "The rationality of Moscow and Beijing",
      "An illustration of the limits of Russian power",
      "Banishing illusions: a lesson for the West",
    ]);
  });

  it("keeps the author's bio as the last paragraph and only note", () => {
    const last = essay.paragraphs.at(-1)!;
    expect(last.kind).toBe("note");
    expect(last.text.startsWith("International and security affairs analyst")).toBe(true);
    expect(texts("note", essay)).toHaveLength(1);
  });

  it("counts 13 body paragraphs, 17 in all, starting with the first one", () => {
    expect(texts("body", essay)).toHaveLength(13);
    expect(essay.paragraphs).toHaveLength(17);
    expect(texts("body", essay)[0].startsWith("The victory of the Taliban")).toBe(true);
  });

  it("drops the site's 'See also' / 'Most read' chrome and its teasers", () => {
    const chrome = ["See also", "Most read", "The Bakhmut Apocalypse", "Toward a Putinization of France?"];
    for (const text of chrome) {
      expect(essay.paragraphs.some((p) => p.text.includes(text))).toBe(false);
      expect(essay.dropped).toContain(text);
    }
    expect(essay.dropped[0]).toBe("See also");
    expect(essay.dropped).toHaveLength(10);
  });

  it("treats an explicit title equal to the first line as that line", () => {
    const titled = importEssay(seed, { title: "The Taliban Against Russia? Neither Alliance, nor Fight" });
    expect(titled).toEqual(essay);
  });

  it("lets an explicit title win and keeps a different first line", () => {
    const titled = importEssay(seed, { title: "Afghanistan, 2021" });
    expect(titled.title).toBe("Afghanistan, 2021");
    expect(titled.paragraphs[0]).toEqual({
      kind: "heading",
      text: "The Taliban Against Russia? Neither Alliance, nor Fight",
    });
  });

  it("imports every seed essay file", () => {
    for (const entry of seedEssays) {
      const text = fs.readFileSync(new URL(`../../prisma/seed/${entry.file}`, import.meta.url), "utf8");
      expect(texts("body", importEssay(text, { author: entry.author })).length).toBeGreaterThan(0);
    }
  });
});

describe("importEssay on awkward pastes", () => {
  it("gives the same result for Windows and old-Mac line ends", () => {
    expect(importEssay(seed.replace(/\n/g, "\r\n"))).toEqual(importEssay(seed));
    expect(importEssay(seed.replace(/\n/g, "\r"))).toEqual(importEssay(seed));
  });

  it("treats runs of blank and whitespace-only lines as one separator", () => {
    const essay = importEssay("A Title\n\n\n\nFirst paragraph.\n   \n\t\n \n\n\n\nSecond paragraph.\n\n\n");
    expect(essay.paragraphs).toEqual([
      { kind: "body", text: "First paragraph." },
      { kind: "body", text: "Second paragraph." },
    ]);
  });

  it("joins hard-wrapped lines within a paragraph", () => {
    const essay = importEssay("A Title\n\nThis paragraph was\n  wrapped by a mail\nclient.\n\nAnother one.");
    expect(essay.paragraphs[0].text).toBe("This paragraph was wrapped by a mail client.");
  });

  it("asks for a title when the text starts with a paragraph", () => {
    const untitled = seed.slice(seed.indexOf("The victory of the Taliban"));
    const error = importError(() => importEssay(untitled));
    expect(error.code).toBe("no-title");
    expect(error.message).toMatch(/title/i);

    const essay = importEssay(untitled, { title: "The Taliban Against Russia" });
    expect(essay.title).toBe("The Taliban Against Russia");
    expect(essay.paragraphs[0].kind).toBe("body");
    expect(essay.paragraphs[0].text.startsWith("The victory of the Taliban")).toBe(true);
  });

  it("does not take a hard-wrapped first paragraph for a title", () => {
    expect(importError(() => importEssay("It began\nwithout a title\n\nThen more.")).code).toBe("no-title");
  });

  it("rejects empty and whitespace-only text", () => {
    for (const text of ["", "  \n\n \r\n"]) {
      const error = importError(() => importEssay(text));
      expect(error.code).toBe("empty");
      expect(error.message.length).toBeGreaterThan(0);
    }
  });

  it("rejects a paste with a title but no body", () => {
    expect(importError(() => importEssay("Just A Title\n\nSee also\n\nSomething else")).code).toBe("no-body");
  });

  it("reads a byline into the author and removes it", () => {
    const essay = importEssay("A Title\n\nBy Jane Doe\n\nFirst paragraph.");
    expect(essay.author).toBe("Jane Doe");
    expect(essay.paragraphs).toEqual([{ kind: "body", text: "First paragraph." }]);

    expect(importEssay("A Title\n\nby Jane Doe and John Roe\n\nText.").author).toBe("Jane Doe and John Roe");
    expect(importEssay("A Title\n\nText.", { author: "Ann Other" }).author).toBe("Ann Other");
  });

  it("does not take prose starting with 'By' for a byline", () => {
    const essay = importEssay("A Title\n\nBy the end of the war, nothing was left.\n\nText.");
    expect(essay.author).toBeNull();
    expect(essay.paragraphs).toHaveLength(2);
  });

  it("strips a BOM and turns non-breaking spaces into spaces", () => {
    const essay = importEssay("\uFEFFA\u00A0Title\u00A0\n\nSome\u00A0text.\u00A0");
    expect(essay.title).toBe("A Title");
    expect(essay.paragraphs).toEqual([{ kind: "body", text: "Some text." }]);
  });

  it("drops chrome labels with a trailing colon, case-insensitively", () => {
    const essay = importEssay("A Title\n\nText.\n\nRELATED ARTICLES:\n\nOther story");
    expect(essay.paragraphs).toEqual([{ kind: "body", text: "Text." }]);
    expect(essay.dropped).toEqual(["RELATED ARTICLES:", "Other story"]);
  });

  it("marks a translator's credit as a note", () => {
    const essay = importEssay("A Title\n\nTranslated by Ann Other\n\nText.\n\nMore text.");
    expect(essay.paragraphs[0]).toEqual({ kind: "note", text: "Translated by Ann Other" });
  });

  it("does not take a short sentence ending inside quotes or before a footnote mark for a heading", () => {
    const essay = importEssay("A Title\n\nHe said “no.”\n\nShe waited.[2]\n\nThe argument goes on here.");
    expect(essay.paragraphs.map((p) => p.kind)).toEqual(["body", "body", "body"]);
  });
});

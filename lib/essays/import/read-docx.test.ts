import { describe, expect, it } from "vitest";
import { makeDocx } from "@/tests/helpers/make-docx";
import { readDocx } from "./read-docx";

describe("readDocx", () => {
  it("reads a real .docx: the Title style is the title, Heading styles are headings", async () => {
    const file = await makeDocx([
      { text: "The Uses of Doubt", style: "Title" },
      { text: "By Ruth Ames" },
      { text: "Doubt is where inquiry starts, and it is not a weakness." },
      { text: "Against certainty", style: "Heading1" },
      { text: "Certainty closes questions & ends conversations." },
    ]);
    const essay = await readDocx(file, { source: "doubt.docx" });
    expect(essay).toMatchObject({ title: "The Uses of Doubt", author: "Ruth Ames", source: "doubt.docx", dropped: [] });
    expect(essay.paragraphs).toEqual([
      { kind: "body", text: "Doubt is where inquiry starts, and it is not a weakness." },
      { kind: "heading", text: "Against certainty" },
      { kind: "body", text: "Certainty closes questions & ends conversations." },
    ]);
  });

  it("keeps footnote marks in the text and the footnotes after it, as notes", async () => {
    const file = await makeDocx([
      { text: "Footnoted", style: "Title" },
      { text: "A claim that needs a source.", footnote: "Smith, On Sources (1999), p. 4." },
      { text: "A second paragraph of the essay." },
    ]);
    expect((await readDocx(file)).paragraphs).toEqual([
      { kind: "body", text: "A claim that needs a source.[1]" },
      { kind: "body", text: "A second paragraph of the essay." },
      { kind: "note", text: "[1] Smith, On Sources (1999), p. 4." },
    ]);
  });

  it("falls back to the given title when the document starts with prose", async () => {
    const file = await makeDocx([{ text: "Only prose here, which is not a title." }, { text: "More prose follows." }]);
    expect((await readDocx(file, { fallbackTitle: "notes" })).title).toBe("notes");
  });

  it("refuses a file that is not a Word document", async () => {
    await expect(readDocx(Buffer.from("PK\u0003\u0004 not really a zip"))).rejects.toThrow(/could not be read/);
  });
});

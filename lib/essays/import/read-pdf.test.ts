import { describe, expect, it } from "vitest";
import { makePdf, twoColumnPage } from "@/tests/helpers/make-pdf";
import { PDF_NO_TEXT, PDF_UNREADABLE, readPdf } from "./read-pdf";

describe("readPdf", () => {
  it("reads a real text PDF: the large first line is the title, gaps start paragraphs, wrapped lines join", async () => {
    const file = makePdf([
      [
        { text: "Memory and the City", size: 24 },
        { text: "The city remembers what its people forget, in", newParagraph: true },
        { text: "streets named for wars and squares for kings." },
        { text: "Walking is a kind of reading.", newParagraph: true },
        { text: "Old Maps", size: 16, newParagraph: true },
        { text: "Old maps show the river before it was buried under-", newParagraph: true },
        { text: "ground, and the" },
        { text: "1" },
      ],
      [{ text: "markets that grew along it." }, { text: "2" }],
    ]);
    const essay = await readPdf(file, { source: "memory.pdf" });
    expect(essay.title).toBe("Memory and the City");
    expect(essay.source).toBe("memory.pdf");
    expect(essay.paragraphs).toEqual([
      { kind: "body", text: "The city remembers what its people forget, in streets named for wars and squares for kings." },
      { kind: "body", text: "Walking is a kind of reading." },
      { kind: "heading", text: "Old Maps" },
      { kind: "body", text: "Old maps show the river before it was buried underground, and the markets that grew along it." },
    ]);
    expect(essay.dropped).toEqual(["Page numbers: 1, 2"]);
  });

  it("reads a page in two columns column by column, joining a paragraph that runs on into the right column", async () => {
    const page = twoColumnPage({
      above: [{ text: "Walking the City", size: 20 }],
      left: [
        { text: "Cities keep their memories in" },
        { text: "names, in the bends of streets," },
        { text: "and in the markets by the river." },
        { text: "A walker reads them without", newParagraph: true },
        { text: "knowing it, as one reads a face," },
      ],
      right: [
        { text: "and learns the city by heart." },
        { text: "Maps forget what feet remember.", newParagraph: true },
        { text: "That is why we still walk the" },
        { text: "old streets, slowly, together." },
      ],
      below: [{ text: "1" }],
    });
    const essay = await readPdf(makePdf([page]));
    expect(essay.title).toBe("Walking the City");
    expect(essay.paragraphs).toEqual([
      { kind: "body", text: "Cities keep their memories in names, in the bends of streets, and in the markets by the river." },
      { kind: "body", text: "A walker reads them without knowing it, as one reads a face, and learns the city by heart." },
      { kind: "body", text: "Maps forget what feet remember. That is why we still walk the old streets, slowly, together." },
    ]);
    expect(essay.dropped).toEqual(["Page numbers: 1"]);
  });

  it("uses the document's title when the text starts with prose", async () => {
    const file = makePdf([[{ text: "Just prose, no title line here." }, { text: "More prose.", newParagraph: true }]], { title: "From metadata" });
    expect((await readPdf(file)).title).toBe("From metadata");
  });

  it("refuses a PDF without text (scanned pages) and a damaged one, in words", async () => {
    await expect(readPdf(makePdf([[]]))).rejects.toThrow(PDF_NO_TEXT);
    await expect(readPdf(Buffer.from("%PDF-1.4\nthis is not a pdf at all"))).rejects.toThrow(PDF_UNREADABLE);
  });
});

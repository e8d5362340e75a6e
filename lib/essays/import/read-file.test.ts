import { describe, expect, it } from "vitest";
import { ARTICLE_TITLE, articlePage } from "@/tests/helpers/article-page";
import { makeDocx } from "@/tests/helpers/make-docx";
import { makePdf } from "@/tests/helpers/make-pdf";
import { UNKNOWN_FORMAT } from "./detect-format";
import { UPLOAD_MAX_BYTES } from "./limits";
import { FILE_EMPTY, FILE_TOO_LARGE, readFile } from "./read-file";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("readFile", () => {
  it("reads each format by its extension, with the file name as source", async () => {
    const text = await readFile("essay.txt", bytes("Plain Title\n\nThe text of a plain essay."));
    expect(text).toMatchObject({ title: "Plain Title", source: "essay.txt" });
    expect((await readFile("essay.md", bytes("# Marked Title\n\nSome *marked* text."))).paragraphs).toEqual([{ kind: "body", text: "Some marked text." }]);
    expect((await readFile("saved.html", bytes(articlePage()))).title).toBe(ARTICLE_TITLE);
    const docx = await makeDocx([{ text: "Word Title", style: "Title" }, { text: "Word body text." }]);
    expect((await readFile("essay.docx", docx)).title).toBe("Word Title");
    const pdf = makePdf([[{ text: "PDF Title", size: 20 }, { text: "PDF body text.", newParagraph: true }]]);
    expect((await readFile("essay.pdf", pdf)).title).toBe("PDF Title");
  });

  it("reads a saved page in the encoding its <meta> names", async () => {
    const page = articlePage().replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace("Public libraries", "Caf\u00e9s and public libraries");
    const essay = await readFile("saved.html", Uint8Array.from(Buffer.from(page, "latin1")));
    expect(essay.paragraphs[0].text).toMatch(/^Cafés and public libraries/);
  });

  it("offers the file's name as the title when the document has none", async () => {
    expect((await readFile("the-open-society.txt", bytes("Only prose here, no title."))).title).toBe("the open society");
  });

  it("reads by content when the extension is unknown, and refuses what it cannot read", async () => {
    expect((await readFile("download", makePdf([[{ text: "Sniffed", size: 20 }, { text: "A body line longer than the title.", newParagraph: true }]]))).title).toBe("Sniffed");
    expect((await readFile("page.php", bytes(articlePage()))).title).toBe(ARTICLE_TITLE);
    await expect(readFile("picture.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).rejects.toThrow(UNKNOWN_FORMAT);
    await expect(readFile("notes.rtf", bytes("{\\rtf1 hello}"))).rejects.toThrow(UNKNOWN_FORMAT);
    await expect(readFile("old.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toThrow(/\.doc files cannot be read/);
  });

  it("refuses a file whose content contradicts its extension, an empty file and one past the limit", async () => {
    await expect(readFile("essay.pdf", bytes("just text"))).rejects.toThrow(/named \.pdf but is not a PDF/);
    await expect(readFile("essay.docx", bytes("just text"))).rejects.toThrow(/named \.docx but is not a Word document/);
    await expect(readFile("essay.txt", makePdf([[{ text: "x" }]]).subarray(0, 10).fill(0))).rejects.toThrow(/does not hold text/);
    await expect(readFile("essay.txt", new Uint8Array())).rejects.toThrow(FILE_EMPTY);
    await expect(readFile("essay.txt", new Uint8Array(UPLOAD_MAX_BYTES + 1))).rejects.toThrow(FILE_TOO_LARGE);
  });
});

import { describe, expect, it } from "vitest";
import { looksLikeMarkdown, readMarkdown } from "./read-markdown";

const ESSAY = `# On Reading Slowly

By Mary Ellis

Reading slowly is a *discipline*, not a [defect](https://example.org/defect). It asks for time.

## The first objection

Some say speed is **everything**:

- a list item that is part of the argument.
- another one, with \`code\`.

> A quotation that the seminar should annotate.

Mary Ellis is a professor of literature and the author of three books.
`;

describe("readMarkdown", () => {
  it("reads headings, paragraphs, lists and quotes as plain text, with the title and byline", () => {
    const essay = readMarkdown(ESSAY, { source: "slow.md" });
    expect(essay.title).toBe("On Reading Slowly");
    expect(essay.author).toBe("Mary Ellis");
    expect(essay.source).toBe("slow.md");
    expect(essay.paragraphs).toEqual([
      { kind: "body", text: "Reading slowly is a discipline, not a defect. It asks for time." },
      { kind: "heading", text: "The first objection" },
      { kind: "body", text: "Some say speed is everything:" },
      { kind: "body", text: "a list item that is part of the argument." },
      { kind: "body", text: "another one, with code." },
      { kind: "body", text: "A quotation that the seminar should annotate." },
      { kind: "note", text: "Mary Ellis is a professor of literature and the author of three books." },
    ]);
  });

  it("takes title and author from front matter, and the instructor's title over both", () => {
    const text = `---\ntitle: "Front Title"\nauthor: Ann Lee\n---\nThe body of the essay goes on.\n\nAnd on.`;
    expect(readMarkdown(text)).toMatchObject({ title: "Front Title", author: "Ann Lee" });
    expect(readMarkdown(text, { title: "Typed title" }).title).toBe("Typed title");
  });

  it("guesses headings with the plain-text rule when none are marked, and cuts trailing chrome", () => {
    const text = "A Title\n\nIntroduction\n\nThe argument begins here.\n\nRelated articles\n\nAnother essay teaser";
    const essay = readMarkdown(text);
    expect(essay.paragraphs.map((p) => p.kind)).toEqual(["heading", "body"]);
    expect(essay.dropped).toEqual(["Related articles", "Another essay teaser"]);
  });

  it("turns footnote marks into numbers in the text and the notes into note paragraphs at the end, in order", () => {
    const text = [
      "# Footnoted",
      "",
      "The first claim needs a source.[^src] A second needs *another*.[^Second]",
      "",
      "[^second]: Jones, [Other Sources](https://example.org/jones), p. 12.",
      "[^src]: Smith, *On Sources* (1999),",
      "  p. 4.",
      "",
      "    Smith adds a second paragraph.",
      "",
      "The argument goes on, citing the first source again.[^src] A [^missing] mark stays as written.",
      "",
      "[^3]: https://example.org/unreferenced",
    ].join("\n");
    expect(readMarkdown(text).paragraphs).toEqual([
      { kind: "body", text: "The first claim needs a source.[1] A second needs another.[2]" },
      { kind: "body", text: "The argument goes on, citing the first source again.[1] A [^missing] mark stays as written." },
      { kind: "note", text: "[1] Smith, On Sources (1999), p. 4. Smith adds a second paragraph." },
      { kind: "note", text: "[2] Jones, Other Sources, p. 12." },
      { kind: "note", text: "[3] https://example.org/unreferenced" },
    ]);
    expect(looksLikeMarkdown("A Title\n\nA claim.[^1]\n\n[^1]: A source.")).toBe(true);
  });

  it("tells Markdown from plain text", () => {
    expect(looksLikeMarkdown(ESSAY)).toBe(true);
    expect(looksLikeMarkdown("A title\n\nPlain prose, with a - dash and 3 * 4.")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { ARTICLE_HEADING, ARTICLE_PARAGRAPHS, ARTICLE_TITLE, articlePage } from "@/tests/helpers/article-page";
import { readHtml } from "./read-html";

describe("readHtml", () => {
  it("keeps the article (title, byline, headings, paragraphs) and reports the page's chrome as dropped", () => {
    const essay = readHtml(articlePage(), { source: "https://news.example/quiet", url: "https://news.example/quiet" });
    expect(essay.title).toBe(ARTICLE_TITLE);
    expect(essay.author).toBe("Ines Calder");
    expect(essay.paragraphs).toEqual([
      { kind: "body", text: ARTICLE_PARAGRAPHS[0] },
      { kind: "body", text: ARTICLE_PARAGRAPHS[1] },
      { kind: "heading", text: ARTICLE_HEADING },
      { kind: "body", text: ARTICLE_PARAGRAPHS[2] },
      { kind: "body", text: ARTICLE_PARAGRAPHS[3] },
    ]);
    const dropped = essay.dropped.join("\n");
    expect(dropped).toMatch(/Navigation: World · Culture · Opinion/);
    expect(dropped).toMatch(/Most read/);
    expect(dropped).toMatch(/Ten gadgets for summer/);
    expect(dropped).toMatch(/Page footer: © 2026 The Daily Example/);
    expect(dropped).not.toMatch(/public libraries/i);
  });

  it("reads a short page that Readability passes over, minus its navigation and footer", () => {
    const html = `<html><head><title>Short Note</title></head><body><nav><a href="/">Home</a></nav><p>One short paragraph of prose.</p><footer>Contact us</footer></body></html>`;
    const essay = readHtml(html);
    expect(essay.title).toBe("Short Note");
    expect(essay.paragraphs).toEqual([{ kind: "body", text: "One short paragraph of prose." }]);
    expect(essay.dropped).toEqual(["Navigation: Home", "Page footer: Contact us"]);
  });
});

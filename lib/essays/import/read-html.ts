/**
 * A web page (fetched from an address or uploaded as .html): Readability finds the article, its title and byline,
 * and the page's chrome (menus, teasers, footers) is what it left out. The instructor sees that chrome in the
 * preview, summarized by where it sat on the page, to check that nothing of the essay went with it.
 *
 * Readability refuses pages with little text; a short page is then read whole, minus its navigation, header,
 * footer and sidebars, which are reported the same way.
 */
import { Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";
import { essayFromBlocks } from "../import-essay";
import type { EssayPreview, ReadOptions } from "./essay-preview";
import { htmlBlocks, type HtmlBlock } from "./html-blocks";

const MAX_DROPPED = 40;
const SUMMARY_CHARS = 160;

const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
const shorten = (text: string) => (text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1).trimEnd()}…` : text);

/** What of the page is not in the article, one line per landmark run (or per loose block), in page order. */
export function summarizeDropped(page: HtmlBlock[], kept: string[]): string[] {
  const keptText = comparable(kept.join(" \n "));
  const lines: string[] = [];
  let group = null as { landmark: string; texts: string[] } | null;
  const close = () => {
    if (group) lines.push(shorten(`${group.landmark}: ${group.texts.join(" · ")}`));
    group = null;
  };
  for (const block of page) {
    const text = comparable(block.text);
    if (!text || keptText.includes(text)) {
      close();
      continue;
    }
    if (block.landmark) {
      if (group?.landmark !== block.landmark) close();
      group ??= { landmark: block.landmark, texts: [] };
      group.texts.push(block.text);
    } else {
      close();
      lines.push(shorten(block.text));
    }
  }
  close();
  return lines.length > MAX_DROPPED ? [...lines.slice(0, MAX_DROPPED), `… and ${lines.length - MAX_DROPPED} more`] : lines;
}

const stripBy = (byline: string) => byline.replace(/^\s*by\s+/i, "").replace(/\s+/g, " ").trim();

// Site chrome outside the article. Readability usually sees through it, but on a short page it keeps menus as text.
const CHROME = "nav, aside, footer, form, [role=navigation], [role=contentinfo], [role=complementary], [role=search]";

function articleBlocks(html: string, url: string | undefined): { blocks: HtmlBlock[]; title?: string; byline?: string; rawByline?: string } {
  const dom = new JSDOM(html, { url });
  for (const element of Array.from(dom.window.document.querySelectorAll(CHROME))) {
    if (!element.closest("article")) element.remove();
  }
  const article = new Readability(dom.window.document).parse();
  if (article?.content) {
    const content = new JSDOM(`<body>${article.content}</body>`).window.document.body;
    return { blocks: htmlBlocks(content), title: article.title?.trim() || undefined, byline: article.byline ? stripBy(article.byline) : undefined, rawByline: article.byline ?? undefined };
  }
  // Readability mutated the first document; read the page again for the fallback.
  const document = new JSDOM(html, { url }).window.document;
  const blocks = htmlBlocks(document.body).filter((block) => block.landmark === null);
  return { blocks, title: document.title.trim() || undefined };
}

export function readHtml(html: string, { source = null, url, ...options }: ReadOptions & { url?: string } = {}): EssayPreview {
  const page = htmlBlocks(new JSDOM(html).window.document.body);
  const { blocks, title, byline, rawByline } = articleBlocks(html, url);
  let documentTitle = title;
  // Readability keeps the article's own <h1> at times; it is the title, not a section.
  if (blocks[0]?.kind === "heading" && (blocks[0].level === 1 || (title && comparable(blocks[0].text) === comparable(title)))) {
    documentTitle = blocks.shift()!.text;
  }
  const essay = essayFromBlocks(
    blocks.map(({ text, kind, lineCount }) => ({ text, kind, lineCount })),
    { title: options.title || documentTitle, author: options.author || byline, fallbackTitle: options.fallbackTitle },
  );
  const kept = [essay.title, essay.author ?? "", rawByline ?? "", ...essay.paragraphs.map((p) => p.text)];
  // The importer's own cut ("Related articles" and what follows) is reported as its words; the rest by landmark.
  const dropped = [...summarizeDropped(page, [...kept, ...essay.dropped]), ...essay.dropped.map(shorten)];
  return { ...essay, dropped, source };
}

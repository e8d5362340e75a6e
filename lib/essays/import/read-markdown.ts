/**
 * A Markdown essay (a paste or a .md file) read with markdown-it's parser, so the syntax is understood rather than
 * guessed: `#` headings become headings, paragraphs, list items and quotes become body text, and emphasis, links and
 * code marks are stripped to the words a seminar annotates.
 *
 * - A leading `# Title` is the essay's title; YAML front matter's `title:` and `author:` are used when present.
 * - A document that marks no headings at all gets the plain-text heading rule instead, since whoever wrote it
 *   used short lines as headings.
 * - Footnotes (`[^1]`, markdown-footnotes.ts) keep a numbered mark in the text, `[1]`, and follow it as notes, as
 *   .docx footnotes do.
 */
import MarkdownIt from "markdown-it";
import { essayFromBlocks, type EssayBlock } from "../import-essay";
import type { EssayPreview, ReadOptions } from "./essay-preview";
import { footnotes, footnoteTexts, type FootnoteEnv } from "./markdown-footnotes";

const markdown = new MarkdownIt({ html: true }).use(footnotes);
type Token = ReturnType<typeof markdown.parse>[number];

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const unquote = (value: string) => value.trim().replace(/^(["'])(.*)\1$/, "$2").trim();

function frontMatter(text: string): { body: string; title?: string; author?: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { body: text };
  const field = (name: string) => {
    const line = new RegExp(`^${name}:\\s*(.+)$`, "mi").exec(match[1]);
    return line ? unquote(line[1]) || undefined : undefined;
  };
  return { body: text.slice(match[0].length), title: field("title"), author: field("author") };
}

function inlineText(token: Token): string {
  let text = "";
  for (const child of token.children ?? []) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
    else if (child.type === "image") text += child.content;
    else if (child.type === "footnote_ref") text += `[${(child.meta as { number: number }).number}]`;
    // html_inline (tags) and the open/close marks of emphasis and links carry no words.
  }
  return text.replace(/\s+/g, " ").trim();
}

const stripTags = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();

/** Blocks in reading order with their heading level (0 for body text). */
function markdownBlocks(body: string, env: FootnoteEnv): Array<EssayBlock & { level: number }> {
  const tokens = markdown.parse(body, env);
  const blocks: Array<EssayBlock & { level: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "heading_open") {
      blocks.push({ kind: "heading", level: Number(token.tag.slice(1)), text: inlineText(tokens[i + 1]), lineCount: 1 });
    } else if (token.type === "paragraph_open") {
      const lines = token.map ? token.map[1] - token.map[0] : 1;
      blocks.push({ kind: "body", level: 0, text: inlineText(tokens[i + 1]), lineCount: lines });
    } else if (token.type === "fence" || token.type === "code_block") {
      blocks.push({ kind: "body", level: 0, text: token.content.replace(/\s+/g, " ").trim() });
    } else if (token.type === "html_block") {
      blocks.push({ kind: "body", level: 0, text: stripTags(token.content) });
    }
  }
  return blocks.filter((block) => block.text);
}

export function readMarkdown(text: string, { source = null, ...options }: ReadOptions = {}): EssayPreview {
  const { body, title, author } = frontMatter(text);
  const env: FootnoteEnv = {};
  const blocks = markdownBlocks(body, env);
  const marksHeadings = blocks.some((block) => block.kind === "heading");
  let documentTitle = title;
  if (blocks[0]?.level === 1) {
    const first = blocks.shift()!;
    documentTitle ??= first.text;
  }
  const notes = footnoteTexts(env, (source) => inlineText(markdown.parseInline(source, env)[0])).map((note) => ({ text: note, kind: "note" as const }));
  const essayBlocks = [...blocks.map(({ text: blockText, kind, lineCount }) => ({ text: blockText, lineCount, kind: marksHeadings ? kind : undefined })), ...notes];
  return {
    ...essayFromBlocks(essayBlocks, {
      title: options.title || documentTitle,
      author: options.author || author,
      fallbackTitle: options.fallbackTitle,
    }),
    source,
  };
}

/** Whether a paste is Markdown rather than plain text: it marks headings, emphasis or links the Markdown way. */
export function looksLikeMarkdown(text: string): boolean {
  return /^#{1,6}\s+\S/m.test(text) || /^\[\^[^\]\s]+\]:/m.test(text) || /\[[^\]\n]+\]\([^)\s]+\)/.test(text) || /(\*\*|__)\S[^\n]*?\S\1/.test(text) || FRONT_MATTER.test(text);
}

/**
 * A text PDF: pdf.js gives each page's text as positioned runs; they are gathered into lines by their baseline and
 * into paragraphs by the gaps between lines. A PDF has no paragraphs of its own, so this is a reading of its layout:
 *
 * - The usual distance between body lines is the document's line spacing; a clearly larger gap starts a paragraph.
 * - Lines set larger than the body text are headings; the largest line on the first page, when it opens the
 *   document, is the title.
 * - Bare page numbers are left out and reported as dropped; a word hyphenated at a line's end is joined again.
 * - A paragraph that runs over a page break (no closing punctuation, next page starting in lower case) is one.
 * - A page in two columns is read column by column (pdf-columns.ts); a paragraph runs over a column break as over a
 *   page break.
 *
 * Scanned PDFs are pictures of pages with no text: they get a clear refusal rather than an empty essay. pdf.js runs in
 * a worker thread (parse-in-worker.ts); what it finds is read here.
 */
import { AppError, AppErrorCode } from "../../errors/app-error";
import { essayFromBlocks, type EssayBlock } from "../import-essay";
import type { EssayPreview, ReadOptions } from "./essay-preview";
import type { PdfRun } from "./parse-document.mjs";
import { parsePdfInWorker, type ParseLimits } from "./parse-in-worker";
import { readingParts } from "./pdf-columns";

export const PDF_NO_TEXT =
  "This PDF has no text to read: it is probably scanned pages, which are pictures. Paste the essay's text instead, or run the PDF through text recognition (OCR) first.";
export const PDF_UNREADABLE = "This file could not be read as a PDF: it may be damaged. Open it and save or export it as PDF again.";
export const MAX_PDF_PAGES = 300;
export const PDF_PASSWORD = "This PDF is protected by a password. Save a copy without the password and import that.";

type Run = PdfRun;
// `column` counts the page's parts in reading order (pdf-columns.ts): 0 on a page in one column.
type Line = { text: string; y: number; size: number; page: number; column: number };

const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:\/|of)\s*\d{1,4})?$/i;

function linesOf(runs: Run[], page: number, column: number): Line[] {
  const lines: Line[] = [];
  let current: (Line & { end: number }) | null = null;
  for (const run of runs) {
    if (!("str" in run)) continue;
    const [, , c, d, x, y] = run.transform;
    const size = Math.hypot(c, d) || run.height || 1;
    if (current && Math.abs(current.y - y) <= size * 0.5) {
      const gap = x - current.end;
      const needsSpace = gap > size * 0.15 && !current.text.endsWith(" ") && !run.str.startsWith(" ");
      current.text += (needsSpace ? " " : "") + run.str;
      current.size = Math.max(current.size, run.str.trim() ? size : 0);
      current.end = x + run.width;
    } else if (run.str.trim()) {
      if (current) lines.push(current);
      current = { text: run.str, y, size, page, column, end: x + run.width };
    }
  }
  if (current) lines.push(current);
  return lines.map(({ text, y, size }) => ({ text: text.replace(/\s+/g, " ").trim(), y, size, page, column })).filter((line) => line.text);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The size most of the text is set in (by characters, so a few large headings do not count for much). */
function bodySize(lines: Line[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) chars.set(Math.round(line.size), (chars.get(Math.round(line.size)) ?? 0) + line.text.length);
  return [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

function joinLine(paragraph: string, line: string): string {
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

export function blocksFromLines(lines: Line[]): { blocks: Array<EssayBlock & { size: number; page: number }>; pageNumbers: string[] } {
  const pageNumbers = lines.filter((line) => PAGE_NUMBER.test(line.text)).map((line) => line.text);
  const text = lines.filter((line) => !PAGE_NUMBER.test(line.text));
  const body = bodySize(text);
  const isHeading = (line: Line) => line.size > body * 1.15;
  const spacing = median(
    text.slice(1).flatMap((line, i) => {
      const previous = text[i];
      const gap = previous.y - line.y;
      return previous.page === line.page && previous.column === line.column && !isHeading(line) && !isHeading(previous) && gap > 0 ? [gap] : [];
    }),
  );
  const blocks: Array<EssayBlock & { size: number; page: number }> = [];
  for (const [i, line] of text.entries()) {
    const previous = text[i - 1];
    const block = blocks.at(-1);
    let continues = false;
    if (previous && block && isHeading(line) === isHeading(previous)) {
      if (previous.page === line.page && previous.column === line.column) {
        const gap = previous.y - line.y;
        continues = gap > 0 && (spacing === 0 || gap <= spacing * 1.4);
      } else {
        continues = !/[.!?:"”’)]$/.test(block.text) && /^\p{Ll}/u.test(line.text);
      }
    }
    if (continues && block) {
      block.text = joinLine(block.text, line.text);
      block.lineCount = (block.lineCount ?? 1) + 1;
    } else {
      blocks.push({ text: line.text, lineCount: 1, kind: isHeading(line) ? "heading" : "body", size: line.size, page: line.page });
    }
  }
  return { blocks, pageNumbers };
}

async function pdfLines(bytes: Uint8Array, limits: ParseLimits): Promise<{ lines: Line[]; metadataTitle?: string }> {
  const parsed = await parsePdfInWorker(bytes, { maxPages: MAX_PDF_PAGES }, limits);
  if (parsed.failure === "password") throw new AppError(AppErrorCode.InvalidInput, PDF_PASSWORD);
  if (parsed.failure === "unreadable") throw new AppError(AppErrorCode.InvalidInput, PDF_UNREADABLE);
  if (parsed.failure === "pages") {
    throw new AppError(AppErrorCode.InvalidInput, `This PDF has ${parsed.pageCount} pages, more than an essay (Gloss reads up to ${MAX_PDF_PAGES}). Save the essay's pages as a PDF of their own and import that.`);
  }
  const lines = parsed.pages.flatMap((page, i) => readingParts(page.runs).flatMap((part, column) => linesOf(part, i + 1, column)));
  return { lines, metadataTitle: parsed.metadataTitle };
}

export async function readPdf(bytes: Uint8Array, { source = null, parseLimits = {}, ...options }: ReadOptions & { parseLimits?: ParseLimits } = {}): Promise<EssayPreview> {
  const { lines, metadataTitle } = await pdfLines(bytes, parseLimits);
  if (lines.length === 0) throw new AppError(AppErrorCode.InvalidInput, PDF_NO_TEXT);
  const { blocks, pageNumbers } = blocksFromLines(lines);
  let documentTitle: string | undefined;
  const largest = Math.max(...blocks.filter((block) => block.page === 1).map((block) => block.size));
  if (blocks[0]?.kind === "heading" && blocks[0].size === largest) documentTitle = blocks.shift()!.text;
  const essay = essayFromBlocks(
    blocks.map(({ text, kind, lineCount }) => ({ text, kind: kind === "heading" ? kind : undefined, lineCount })),
    { title: options.title || documentTitle, author: options.author, fallbackTitle: options.fallbackTitle || metadataTitle },
  );
  const dropped = pageNumbers.length > 0 ? [...essay.dropped, `Page numbers: ${pageNumbers.join(", ")}`] : essay.dropped;
  return { ...essay, dropped, source };
}

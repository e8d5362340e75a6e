/**
 * Plain-text essay importer: turns an instructor's paste (usually copied from
 * a web page) into a title, an author and typed paragraphs. Pure, so the same
 * code serves the import form, the seed script and the tests.
 *
 * - Windows/old-Mac line ends, a BOM and non-breaking spaces are normalized
 *   first, so the same essay imports identically whatever it was pasted from.
 * - Blocks are separated by blank lines; a run of them (whitespace-only lines
 *   included) counts once. Single newlines are hard wraps from mail or PDF
 *   copies, not structure, so a block's lines are joined with a space.
 * - The title is the first block only when it looks like one (one line,
 *   ≤ 200 chars, no sentence-final "."): prose there means the title was not
 *   copied, and we ask for one rather than promote a paragraph. An explicit
 *   options.title always wins; the first block is then dropped only when it
 *   merely repeats that title.
 * - A "By …" block right after the title is a byline, not text to annotate.
 * - Web pages append section chrome ("See also", "Most read", …) followed by
 *   teasers for other articles. From the first such label on, everything is
 *   cut and returned in `dropped`, so the instructor can check nothing real
 *   was lost.
 * - Short blocks without closing punctuation that lead into body text are
 *   section headings.
 * - A trailing author bio and translator credits become "note"s: the seminar
 *   annotates the argument, and they should render apart from it.
 */

export type ImportedParagraph = { kind: "heading" | "body" | "note"; text: string };
export type ImportedEssay = {
  title: string;
  author: string | null;
  paragraphs: ImportedParagraph[];
  dropped: string[];
};
export type ImportEssayErrorCode = "empty" | "no-title" | "no-body";

const MESSAGES: Record<ImportEssayErrorCode, string> = {
  empty: "The essay text is empty. Paste the essay's text to import it.",
  "no-title":
    "Could not find a title: the text starts with a paragraph, not a title. Enter the essay's title and import again.",
  "no-body":
    "No body paragraphs were found, only a title, headings or notes. Check that the whole essay was pasted.",
};

export class ImportEssayError extends Error {
  readonly code: ImportEssayErrorCode;
  constructor(code: ImportEssayErrorCode) {
    super(MESSAGES[code]);
    this.name = "ImportEssayError";
    this.code = code;
  }
}

const CHROME_LABELS = new Set([
  "see also", "most read", "related", "related articles", "read more", "read also",
  "you may also like", "more from", "share", "share this", "subscribe", "newsletter",
  "comments", "tags",
]);
// Capital after "By" keeps prose such as "By the end of the war" out.
const BYLINE = /^[Bb][Yy]\s+(\p{Lu}[^!?;:]*?)\.?$/u;
const BIO =
  /\b(?:analyst|professor|author of|journalist|fellow|researcher|writer|editor|historian|director|lecturer|correspondent|teaches)\b|\bis a /i;
const TRANSLATION_CREDIT = /^(?:translated by\b|translation:)/i;

/**
 * One block of an essay before the rules run. Readers of structured formats (Markdown, HTML, .docx, PDF) know
 * which blocks are headings and say so with `kind`; plain text leaves it out and the heading rule guesses.
 */
export type EssayBlock = { text: string; lineCount?: number; kind?: ImportedParagraph["kind"] };
type Block = { text: string; lineCount: number };

function splitBlocks(text: string): Block[] {
  const normalized = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u202F]/g, " ");
  const blocks: Block[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) blocks.push({ text: lines.join(" "), lineCount: lines.length });
    lines = [];
  };
  for (const line of normalized.split("\n")) {
    const trimmed = line.trim();
    if (trimmed) lines.push(trimmed);
    else flush();
  }
  flush();
  return blocks;
}

function looksLikeTitle(block: Block): boolean {
  const sentenceEnd = block.text.endsWith(".") && !block.text.endsWith("...");
  return block.lineCount === 1 && block.text.length <= 200 && !sentenceEnd;
}

function looksLikeHeading(text: string): boolean {
  // A sentence can end inside quotes or brackets, or before a footnote mark: "… as he said.”[2]" is prose.
  const end = text.replace(/(?:\[\d+\]|[)\]"'”’»])+$/u, "");
  return text.length <= 120 && text.split(/\s+/).length <= 14 && !/[.,;:]$/.test(end);
}

const comparable = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

export function importEssay(
  text: string,
  options: { title?: string; author?: string; fallbackTitle?: string } = {},
): ImportedEssay {
  return essayFromBlocks(splitBlocks(text), options);
}

/**
 * The importer's rules on blocks that a reader has already split: title, byline, chrome, notes and headings.
 * `fallbackTitle` (a document's own title, a file name) is used only when the first block does not look like one.
 */
export function essayFromBlocks(
  input: EssayBlock[],
  options: { title?: string; author?: string; fallbackTitle?: string } = {},
): ImportedEssay {
  const blocks = input
    .map((block) => ({ ...block, text: block.text.trim(), lineCount: block.lineCount ?? 1 }))
    .filter((block) => block.text);
  if (blocks.length === 0) throw new ImportEssayError("empty");

  const givenTitle = options.title?.trim();
  const fallbackTitle = options.fallbackTitle?.trim();
  let title: string;
  if (givenTitle) {
    title = givenTitle;
    if (looksLikeTitle(blocks[0]) && comparable(blocks[0].text) === comparable(givenTitle)) blocks.shift();
  } else if (looksLikeTitle(blocks[0])) {
    title = blocks.shift()!.text;
  } else if (fallbackTitle) {
    title = fallbackTitle;
  } else {
    throw new ImportEssayError("no-title");
  }

  let author = options.author?.trim() || null;
  const byline = blocks.length > 0 && blocks[0].text.length <= 120 ? BYLINE.exec(blocks[0].text) : null;
  if (byline) {
    author = byline[1].trim();
    blocks.shift();
  }

  const chromeAt = blocks.findIndex((b) => CHROME_LABELS.has(b.text.replace(/:$/, "").trim().toLowerCase()));
  const dropped = chromeAt === -1 ? [] : blocks.splice(chromeAt).map((b) => b.text);
  const texts = blocks.map((b) => b.text);

  const kinds: ImportedParagraph["kind"][] = blocks.map((b) =>
    b.kind === "heading" || b.kind === "note" ? b.kind : TRANSLATION_CREDIT.test(b.text) ? "note" : "body",
  );
  const last = texts.length - 1;
  // A lone block is the essay itself, never its author's bio.
  if (last > 0 && kinds[last] === "body" && texts[last].length <= 1200 && BIO.test(texts[last])) kinds[last] = "note";
  // Walk backwards so "followed by a body block" sees the final kind of the next block. Blocks whose reader
  // knew their kind keep it: a structured document's body paragraph is never promoted.
  for (let i = last - 1; i >= 0; i--) {
    if (blocks[i].kind === undefined && kinds[i] === "body" && kinds[i + 1] === "body" && looksLikeHeading(texts[i])) kinds[i] = "heading";
  }
  if (!kinds.includes("body")) throw new ImportEssayError("no-body");

  return { title, author, paragraphs: texts.map((t, i) => ({ kind: kinds[i], text: t })), dropped };
}

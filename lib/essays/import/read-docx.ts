/**
 * A Word .docx file: mammoth turns its paragraph styles into HTML (Heading 1…6 into <h1>…<h6>, Title into <h1>),
 * which is then read like any clean HTML. Only the text is kept; images, comments and tracked changes are not essay
 * text a seminar annotates. Footnotes and endnotes keep their [1] marks in the text and follow it as notes, numbered,
 * without mammoth's ↑ links back. mammoth runs in a worker thread (parse-in-worker.ts), after the zip's unpacked size
 * is checked here.
 */
import { JSDOM } from "jsdom";
import { AppError, AppErrorCode } from "../../errors/app-error";
import { essayFromBlocks } from "../import-essay";
import type { EssayPreview, ReadOptions } from "./essay-preview";
import { htmlBlocks } from "./html-blocks";
import { DOCX_MAX_ENTRIES, DOCX_UNPACKED_MAX_BYTES, megabytes } from "./limits";
import { parseDocxInWorker, type ParseLimits } from "./parse-in-worker";
import { unpackedZipSize, ZipTooLarge } from "./zip-size";

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

export const DOCX_UNREADABLE =
  "This .docx file could not be read: it may be damaged, or be an older Word .doc file. Open it in Word or LibreOffice and save it as .docx, then try again.";

export const DOCX_TOO_LARGE = `This .docx file unpacks to more than ${megabytes(DOCX_UNPACKED_MAX_BYTES)}, far more than an essay's text. Remove pictures or embedded files, or save it as plain text, then try again.`;

export async function readDocx(
  bytes: Uint8Array,
  { source = null, maxUnpackedBytes = DOCX_UNPACKED_MAX_BYTES, parseLimits = {}, ...options }: ReadOptions & { maxUnpackedBytes?: number; parseLimits?: ParseLimits } = {},
): Promise<EssayPreview> {
  try {
    unpackedZipSize(bytes, { maxTotalBytes: maxUnpackedBytes, maxEntries: DOCX_MAX_ENTRIES });
  } catch (error) {
    throw new AppError(AppErrorCode.InvalidInput, error instanceof ZipTooLarge ? DOCX_TOO_LARGE : DOCX_UNREADABLE);
  }
  const parsed = await parseDocxInWorker(bytes, { styleMap: STYLE_MAP }, parseLimits);
  if (parsed.failure) throw new AppError(AppErrorCode.InvalidInput, DOCX_UNREADABLE);
  const body = new JSDOM(parsed.html).window.document.body;
  const notes = Array.from(body.querySelectorAll("li[id^='footnote-'], li[id^='endnote-']")).map((item, i) => {
    item.querySelectorAll("a[href^='#footnote-ref-'], a[href^='#endnote-ref-']").forEach((link) => link.remove());
    const text = `[${i + 1}] ${item.textContent ?? ""}`.replace(/\s+/g, " ").trim();
    item.remove();
    return { text, kind: "note" as const, lineCount: 1 };
  });
  body.querySelectorAll("ol:empty").forEach((list) => list.remove());
  const blocks = htmlBlocks(body);
  let documentTitle: string | undefined;
  if (blocks[0]?.kind === "heading") documentTitle = blocks.shift()!.text;
  // Without heading styles the author made headings by hand (bold short lines): let the plain-text rule find them.
  const marksHeadings = blocks.some((block) => block.kind === "heading");
  const essay = essayFromBlocks(
    [...blocks.map(({ text, kind, lineCount }) => ({ text, kind: marksHeadings ? kind : undefined, lineCount })), ...notes],
    { title: options.title || documentTitle, author: options.author, fallbackTitle: options.fallbackTitle },
  );
  return { ...essay, source };
}

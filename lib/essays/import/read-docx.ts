/**
 * A Word .docx file: mammoth turns its paragraph styles into HTML (Heading 1…6 into <h1>…<h6>, Title into <h1>),
 * which is then read like any clean HTML. Only the text is kept; images, comments and tracked changes are not essay
 * text a seminar annotates.
 */
import { JSDOM } from "jsdom";
import mammoth from "mammoth";
import { AppError, AppErrorCode } from "../../errors/app-error";
import { essayFromBlocks } from "../import-essay";
import type { EssayPreview, ReadOptions } from "./essay-preview";
import { htmlBlocks } from "./html-blocks";

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

export const DOCX_UNREADABLE =
  "This .docx file could not be read: it may be damaged, or be an older Word .doc file. Open it in Word or LibreOffice and save it as .docx, then try again.";

export async function readDocx(bytes: Uint8Array, { source = null, ...options }: ReadOptions = {}): Promise<EssayPreview> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP }));
  } catch {
    throw new AppError(AppErrorCode.InvalidInput, DOCX_UNREADABLE);
  }
  const blocks = htmlBlocks(new JSDOM(html).window.document.body);
  let documentTitle: string | undefined;
  if (blocks[0]?.kind === "heading") documentTitle = blocks.shift()!.text;
  // Without heading styles the author made headings by hand (bold short lines): let the plain-text rule find them.
  const marksHeadings = blocks.some((block) => block.kind === "heading");
  const essay = essayFromBlocks(
    blocks.map(({ text, kind, lineCount }) => ({ text, kind: marksHeadings ? kind : undefined, lineCount })),
    { title: options.title || documentTitle, author: options.author, fallbackTitle: options.fallbackTitle },
  );
  return { ...essay, source };
}

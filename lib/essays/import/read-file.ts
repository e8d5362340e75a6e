/**
 * An uploaded file, whatever its format, read into a preview. The file's name is the preview's source and, when
 * the document names no title of its own, the title offered for editing.
 */
import { AppError, AppErrorCode } from "../../errors/app-error";
import { decodePage } from "./decode-page";
import { detectFormat, extensionOf } from "./detect-format";
import type { EssayPreview, ReadOptions } from "./essay-preview";
import { megabytes, UPLOAD_MAX_BYTES } from "./limits";
import { readDocx } from "./read-docx";
import { readHtml } from "./read-html";
import { readMarkdown } from "./read-markdown";
import { readPdf } from "./read-pdf";
import { readText } from "./read-text";

export const FILE_TOO_LARGE = `The file is larger than ${megabytes(UPLOAD_MAX_BYTES)}. An essay's text is far smaller: save only the essay, or paste its text.`;
export const FILE_EMPTY = "The file is empty. Check that you chose the right file.";

/** "the-open-society.docx" → "the open society": a title to start from, which the instructor can edit. */
function titleFromName(name: string): string | undefined {
  const base = extensionOf(name) ? name.slice(0, name.lastIndexOf(".")) : name;
  const words = base.replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  return words || undefined;
}

export async function readFile(name: string, bytes: Uint8Array, options: Omit<ReadOptions, "source" | "fallbackTitle"> = {}): Promise<EssayPreview> {
  if (bytes.byteLength > UPLOAD_MAX_BYTES) throw new AppError(AppErrorCode.InvalidInput, FILE_TOO_LARGE);
  if (bytes.byteLength === 0) throw new AppError(AppErrorCode.InvalidInput, FILE_EMPTY);
  const read = { ...options, source: name, fallbackTitle: titleFromName(name) };
  const format = detectFormat(name, bytes);
  const text = () => new TextDecoder().decode(bytes);
  switch (format) {
    case "pdf":
      return readPdf(bytes, read);
    case "docx":
      return readDocx(bytes, read);
    case "html":
      // A page saved from a browser keeps the <meta charset> of the site it came from.
      return readHtml(decodePage(bytes, { html: true }), read);
    case "md":
      return readMarkdown(text(), read);
    case "txt":
      return readText(text(), read);
  }
}

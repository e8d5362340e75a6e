/**
 * Which reader a file goes to. The extension says what the instructor meant; the content must agree for the binary
 * formats, so a renamed file gets a clear answer instead of garbage. A file without a known extension is read by
 * what its content shows (a PDF or .docx signature, an HTML document), and refused otherwise.
 */
import { AppError, AppErrorCode } from "../../errors/app-error";

export type FileFormat = "txt" | "md" | "html" | "docx" | "pdf";

const EXTENSIONS: Record<string, FileFormat> = {
  txt: "txt", text: "txt", md: "md", markdown: "md", html: "html", htm: "html", xhtml: "html", docx: "docx", pdf: "pdf",
};

export const ACCEPTED_FILES = ".txt,.md,.markdown,.html,.htm,.docx,.pdf";
export const UNKNOWN_FORMAT = "Gloss reads .txt, .md, .html, .docx and .pdf files. Save the essay in one of these formats, or paste its text.";

const startsWith = (bytes: Uint8Array, signature: string) => [...signature].every((char, i) => bytes[i] === char.charCodeAt(0));
// PDF readers accept the signature anywhere in the first kilobyte (some writers put junk before it).
const isPdf = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes.subarray(0, 1024)).includes("%PDF-");
const isZip = (bytes: Uint8Array) => startsWith(bytes, "PK\u0003\u0004");
const looksLikeHtml = (bytes: Uint8Array) => /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(new TextDecoder().decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, ""));
// Text files hold no NUL bytes; binary formats nearly always do within their first kilobytes.
const isText = (bytes: Uint8Array) => !bytes.subarray(0, 8192).includes(0);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot === -1 ? "" : name.slice(dot + 1).toLowerCase();
}

export function detectFormat(name: string, bytes: Uint8Array): FileFormat {
  const ext = extensionOf(name);
  const byName = EXTENSIONS[ext];
  if (byName === "pdf") {
    if (!isPdf(bytes)) throw new AppError(AppErrorCode.InvalidInput, `“${name}” is named .pdf but is not a PDF file. Check that you chose the right file.`);
    return "pdf";
  }
  if (byName === "docx") {
    if (!isZip(bytes)) throw new AppError(AppErrorCode.InvalidInput, `“${name}” is named .docx but is not a Word document. An older .doc file must be saved as .docx first.`);
    return "docx";
  }
  if (byName) {
    if (!isText(bytes)) throw new AppError(AppErrorCode.InvalidInput, `“${name}” is named .${ext} but does not hold text. Check that you chose the right file.`);
    return byName;
  }
  if (ext === "doc") throw new AppError(AppErrorCode.InvalidInput, "Older Word .doc files cannot be read. Open the file in Word or LibreOffice and save it as .docx, then import that.");
  if (isPdf(bytes)) return "pdf";
  if (isZip(bytes)) return "docx";
  if (isText(bytes) && looksLikeHtml(bytes)) return "html";
  throw new AppError(AppErrorCode.InvalidInput, UNKNOWN_FORMAT);
}

// Types for parse-document.mjs, which stays JavaScript so a worker thread can load it as it is.
export type PdfRun = { str: string; transform: number[]; width: number; height: number };
export type PdfParse =
  | { pages: Array<{ runs: PdfRun[] }>; metadataTitle?: string; failure?: undefined }
  | { failure: "password" }
  | { failure: "unreadable" }
  | { failure: "pages"; pageCount: number };
export type DocxParse = { html: string; failure?: undefined } | { failure: "unreadable" };

export function parsePdf(bytes: Uint8Array, options: { maxPages: number }): Promise<PdfParse>;
export function parseDocx(bytes: Uint8Array, options: { styleMap: string[] }): Promise<DocxParse>;

// The CPU-heavy half of reading an uploaded PDF or .docx: pdf.js's positioned text runs, mammoth's HTML. Gloss's own
// rules for what those mean (lines, paragraphs, headings, notes) stay in read-pdf.ts and read-docx.ts. Plain
// JavaScript importing only packages, so a worker thread (parse-worker.mjs) loads it without a TypeScript loader.
// Failures the instructor can act on come back as values; anything else the parsers throw is a damaged file.
import mammoth from "mammoth";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Each page's text runs (only what the reader uses of them), and the document's own title. */
export async function parsePdf(bytes, { maxPages }) {
  let document;
  try {
    document = await getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    return { failure: error?.name === "PasswordException" ? "password" : "unreadable" };
  }
  try {
    if (document.numPages > maxPages) return { failure: "pages", pageCount: document.numPages };
    const pages = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const runs = content.items.filter((item) => "str" in item).map(({ str, transform, width, height }) => ({ str, transform, width, height }));
      pages.push({ runs });
      page.cleanup();
    }
    const info = (await document.getMetadata().catch(() => null))?.info;
    const metadataTitle = typeof info?.Title === "string" && info.Title.trim() ? info.Title.trim() : undefined;
    return { pages, metadataTitle };
  } catch {
    return { failure: "unreadable" };
  } finally {
    await document.destroy();
  }
}

/** The document as mammoth's HTML, its paragraph styles mapped by `styleMap`. */
export async function parseDocx(bytes, { styleMap }) {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { styleMap });
    return { html: value };
  } catch {
    return { failure: "unreadable" };
  }
}

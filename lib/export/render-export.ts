import type { DiscussionStream } from "./discussion";
import type { ExportFormat } from "./schemas";
import { csvStream } from "./to-csv";
import { JSONLD_MEDIA_TYPE } from "./jsonld-terms";
import { jsonLdStream } from "./to-jsonld";
import { markdownStream } from "./to-markdown";
import { printHtmlStream } from "./to-print-html";

export type RenderedExport = { contentType: string; chunks: AsyncIterable<string>; inline: boolean };

/** One format's text, written as the threads arrive: a thread (a CSV row, an annotation) at a time. */
export function renderExport(d: DiscussionStream, format: ExportFormat, { bom = false, nonce }: { bom?: boolean; nonce?: string } = {}): RenderedExport {
  switch (format) {
    case "md":
      return { contentType: "text/markdown; charset=utf-8", chunks: markdownStream(d), inline: false };
    case "csv":
      return { contentType: "text/csv; charset=utf-8; header=present", chunks: csvStream(d, { bom }), inline: false };
    case "jsonld":
      return { contentType: `${JSONLD_MEDIA_TYPE}; charset=utf-8`, chunks: jsonLdStream(d), inline: false };
    case "html":
      // Shown in the browser, to be printed; its download link saves it under the same name.
      return { contentType: "text/html; charset=utf-8", chunks: printHtmlStream(d, { nonce }), inline: true };
  }
}

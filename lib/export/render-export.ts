import type { Discussion } from "./discussion";
import type { ExportFormat } from "./schemas";
import { csvChunks } from "./to-csv";
import { jsonLdChunks } from "./to-jsonld";
import { discussionToMarkdown } from "./to-markdown";
import { discussionToPrintHtml } from "./to-print-html";

export type RenderedExport = { contentType: string; chunks: Iterable<string>; inline: boolean };

/** One format's bytes, as chunks a response can stream: CSV and JSON-LD a row or an annotation at a time. */
export function renderExport(d: Discussion, format: ExportFormat, { bom = false, nonce }: { bom?: boolean; nonce?: string } = {}): RenderedExport {
  switch (format) {
    case "md":
      return { contentType: "text/markdown; charset=utf-8", chunks: [discussionToMarkdown(d)], inline: false };
    case "csv":
      return { contentType: "text/csv; charset=utf-8; header=present", chunks: csvChunks(d, { bom }), inline: false };
    case "jsonld":
      return { contentType: 'application/ld+json; charset=utf-8; profile="http://www.w3.org/ns/anno.jsonld"', chunks: jsonLdChunks(d), inline: false };
    case "html":
      // Shown in the browser, to be printed; its download link saves it under the same name.
      return { contentType: "text/html; charset=utf-8", chunks: [discussionToPrintHtml(d, { nonce })], inline: true };
  }
}

import type { EssayPreview } from "./essay-preview";
import { looksLikeMarkdown, readMarkdown } from "./read-markdown";
import { readText } from "./read-text";

/** A paste, read as Markdown when it is written in Markdown and as plain text otherwise. */
export function readPasted(text: string, options: { title?: string } = {}): EssayPreview {
  return looksLikeMarkdown(text) ? readMarkdown(text, options) : readText(text, options);
}

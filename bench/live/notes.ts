/**
 * The payload every server is sent: notes as the reading page writes them, a highlight on a paragraph of the
 * seed essay and its thread's first comment, in one transaction (one update), in the real layout
 * (lib/doc/layout.ts through tests/helpers/entries.ts). Gloss checks them like any reader's; the references
 * only relay them.
 */
import * as Y from "yjs";
import { entryKey } from "../../lib/doc/layout";
import { comment, highlight, putAnnotation, putComment } from "../../tests/helpers/entries";
import type { Person } from "./servers/bench-server";

export type Paragraph = { id: string; text: string };

/**
 * Adds the `i`-th note by `author` to `doc` (the caller's transaction, or one of its own); returns the
 * annotation's key. `withComment: false` leaves the bare highlight, for filling a room with annotations; `id`
 * fixes the annotation's id, so that readers can be told its key before it is sent (light-client.ts).
 */
export function addNote(doc: Y.Doc, author: Person, paragraphs: readonly Paragraph[], i: number, { withComment = true, id }: { withComment?: boolean; id?: string } = {}): string {
  const paragraph = paragraphs[i % paragraphs.length]!;
  const from = (i * 37) % Math.max(1, paragraph.text.length - 60);
  // Words from the paragraph, as a selection would give them; highlight() anchors on their first occurrence.
  const exact = paragraph.text.slice(from, from + 12 + (i % 40)).trim() || paragraph.text.slice(0, 12);
  const annotation = { ...highlight(author, paragraph, exact), ...(id ? { id } : {}) };
  putAnnotation(doc, annotation);
  if (withComment) putComment(doc, comment(author, annotation.id, `Note ${i}: this sentence carries the argument further than it seems.`));
  return entryKey(author.id, annotation.id);
}

export function writeNote(doc: Y.Doc, author: Person, paragraphs: readonly Paragraph[], i: number, id?: string): string {
  let key = "";
  doc.transact(() => (key = addNote(doc, author, paragraphs, i, { id })));
  return key;
}

/**
 * What a reader writes in the fault tests, written the way the reading page writes it: createHighlight from
 * lib/client/annotate.ts (the client's own rules first, then one transaction with the highlight and its
 * opening comment). The comment's body carries a mark unique in the run, so a lost or doubled note is found
 * by its mark rather than guessed from counts.
 */
import * as Y from "yjs";
import { createHighlight } from "../../lib/client/annotate";
import { ANNOTATIONS, COMMENTS, ROOT_MAPS, type Annotation, type Comment } from "../../lib/doc/layout";
import type { Random } from "./random";
import type { RoomClient } from "./room-client";

export type Paragraph = { id: string; text: string };
export type WrittenNote = { mark: string; annotationId: string; authorId: string; clock: number; at: number };

/** One highlight on a few random words of a random paragraph, with a comment whose body is `mark`. */
export function writeNote(client: RoomClient, paragraphs: readonly Paragraph[], random: Random, mark: string): WrittenNote {
  const paragraph = random.pick(paragraphs);
  const words = [...paragraph.text.matchAll(/\S+/g)];
  const first = random.int(0, words.length - 1);
  const last = Math.min(words.length - 1, first + random.int(0, 4));
  const start = words[first]!.index!;
  const end = words[last]!.index! + words[last]![0].length;
  const annotation = createHighlight(
    { doc: client.doc, writer: { ...client.user, role: "reader" }, facts: { paragraphIds: new Set(paragraphs.map((p) => p.id)) } },
    { paragraphId: paragraph.id, paragraphText: paragraph.text, span: { start, end }, color: "yellow", comment: mark },
  );
  return { mark, annotationId: annotation.id, authorId: client.user.id, clock: client.ownClock(), at: Date.now() };
}

/** Every root map's entries, as plain JSON, for comparing two documents entry by entry. */
export function rootMaps(doc: Y.Doc): Record<string, Record<string, unknown>> {
  return Object.fromEntries(ROOT_MAPS.map((name) => [name, doc.getMap(name).toJSON()]));
}

/** How two documents differ, in words a failure message can show (empty when they hold the same entries). */
export function differences(mine: Y.Doc, theirs: Y.Doc, names: [string, string]): string[] {
  const a = rootMaps(mine);
  const b = rootMaps(theirs);
  const out: string[] = [];
  for (const map of ROOT_MAPS) {
    const keys = new Set([...Object.keys(a[map]!), ...Object.keys(b[map]!)]);
    let onlyA = 0;
    let onlyB = 0;
    let changed = 0;
    for (const key of keys) {
      if (!(key in b[map]!)) onlyA++;
      else if (!(key in a[map]!)) onlyB++;
      else if (JSON.stringify(a[map]![key]) !== JSON.stringify(b[map]![key])) changed++;
    }
    if (onlyA) out.push(`${onlyA} ${map} only in ${names[0]}`);
    if (onlyB) out.push(`${onlyB} ${map} only in ${names[1]}`);
    if (changed) out.push(`${changed} ${map} differ between ${names[0]} and ${names[1]}`);
  }
  return out;
}

/** Annotation id and comment mark for every note in `doc`. */
export function notesIn(doc: Y.Doc): { annotationIds: string[]; marks: string[]; authorOf: Map<string, string> } {
  const annotations = [...doc.getMap<Annotation>(ANNOTATIONS).values()];
  const comments = [...doc.getMap<Comment>(COMMENTS).values()];
  return {
    annotationIds: annotations.map((a) => a.id),
    marks: comments.map((c) => c.body),
    authorOf: new Map(annotations.map((a) => [a.id, a.authorId])),
  };
}

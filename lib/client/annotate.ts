/**
 * The only code that writes to a room's Y.Doc. Every value is built per lib/doc/layout.ts and checked with
 * the server's own rule (checkSet) first, so the browser never makes a write the server would refuse — a
 * refused update closes the connection, which would be a far worse experience than an error message here.
 */
import type * as Y from "yjs";
import { selectorsFor, type Span } from "../doc/anchor";
import {
  ANNOTATIONS,
  COMMENTS,
  entryKey,
  type Annotation,
  type Comment,
  type HighlightColor,
  type RootMapName,
} from "../doc/layout";
import { checkSet, type Writer } from "../doc/permissions";
import { newId } from "./new-id";

export class AnnotateError extends Error {
  name = "AnnotateError";
}

type Entry = { map: RootMapName; value: Annotation | Comment };

function write(doc: Y.Doc, writer: Writer, entries: Entry[]): void {
  for (const { map, value } of entries) {
    const refusal = checkSet(map, entryKey(value.authorId, value.id), value, writer);
    if (refusal) throw new AnnotateError(`This note cannot be saved: ${refusal.reason}.`);
  }
  // One transaction: other readers receive the annotation and its first comment together, never a
  // thread without its highlight.
  doc.transact(() => {
    for (const { map, value } of entries) doc.getMap(map).set(entryKey(value.authorId, value.id), value);
  });
}

function comment(writer: Writer, annotationId: string, parentId: string | null, body: string): Comment {
  return {
    id: newId(),
    authorId: writer.id,
    authorName: writer.name,
    annotationId,
    parentId,
    body: body.trim(),
    createdAt: Date.now(),
    editedAt: null,
  };
}

export type CreateHighlightOptions = {
  paragraphId: string;
  /** The paragraph's whole text, and the highlighted span within it (UTF-16 offsets). */
  paragraphText: string;
  span: Span;
  color: HighlightColor;
  /** When present, the highlight opens a thread with this comment. */
  comment?: string;
};

export function createHighlight(doc: Y.Doc, writer: Writer, options: CreateHighlightOptions): Annotation {
  const { paragraphId, paragraphText, span, color } = options;
  const annotation: Annotation = {
    id: newId(),
    authorId: writer.id,
    authorName: writer.name,
    paragraphId,
    kind: "highlight",
    color,
    selector: selectorsFor(paragraphText, span),
    createdAt: Date.now(),
  };
  const entries: Entry[] = [{ map: ANNOTATIONS, value: annotation }];
  if (options.comment !== undefined) entries.push({ map: COMMENTS, value: comment(writer, annotation.id, null, options.comment) });
  write(doc, writer, entries);
  return annotation;
}

export function createParagraphComment(doc: Y.Doc, writer: Writer, { paragraphId, body }: { paragraphId: string; body: string }): Annotation {
  const annotation: Annotation = {
    id: newId(),
    authorId: writer.id,
    authorName: writer.name,
    paragraphId,
    kind: "paragraph",
    color: null,
    selector: null,
    createdAt: Date.now(),
  };
  write(doc, writer, [
    { map: ANNOTATIONS, value: annotation },
    { map: COMMENTS, value: comment(writer, annotation.id, null, body) },
  ]);
  return annotation;
}

/** Opens the thread on a highlight that has none yet (anyone may start the discussion of a highlight). */
export function startThread(doc: Y.Doc, writer: Writer, { annotationId, body }: { annotationId: string; body: string }): Comment {
  const value = comment(writer, annotationId, null, body);
  write(doc, writer, [{ map: COMMENTS, value }]);
  return value;
}

/** Replies to a thread; `rootId` is the id of the comment that opened it. */
export function reply(doc: Y.Doc, writer: Writer, { annotationId, rootId, body }: { annotationId: string; rootId: string; body: string }): Comment {
  const value = comment(writer, annotationId, rootId, body);
  write(doc, writer, [{ map: COMMENTS, value }]);
  return value;
}

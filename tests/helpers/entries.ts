import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { ANNOTATIONS, COMMENTS, entryKey, type Annotation, type Comment } from "../../lib/doc/layout";

type Author = { id: string; name: string };
type Paragraph = { id: string; text: string };

/** A highlight on the first occurrence of `exact` in `paragraph`, as the reading page makes it. */
export function highlight(author: Author, paragraph: Paragraph, exact: string, color: Annotation["color"] = "yellow"): Annotation {
  const start = paragraph.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the paragraph`);
  const end = start + exact.length;
  return {
    id: randomUUID(),
    authorId: author.id,
    authorName: author.name,
    paragraphId: paragraph.id,
    kind: "highlight",
    color,
    selector: [
      { type: "TextQuoteSelector", exact, prefix: paragraph.text.slice(Math.max(0, start - 32), start), suffix: paragraph.text.slice(end, end + 32) },
      { type: "TextPositionSelector", start, end },
    ],
    createdAt: Date.now(),
  };
}

export function comment(author: Author, annotationId: string, body: string, parentId: string | null = null): Comment {
  return { id: randomUUID(), authorId: author.id, authorName: author.name, annotationId, parentId, body, createdAt: Date.now(), editedAt: null };
}

export function putAnnotation(doc: Y.Doc, annotation: Annotation) {
  doc.getMap(ANNOTATIONS).set(entryKey(annotation.authorId, annotation.id), annotation);
}

export function putComment(doc: Y.Doc, value: Comment) {
  doc.getMap(COMMENTS).set(entryKey(value.authorId, value.id), value);
}

export function annotationIds(doc: Y.Doc): string[] {
  return [...doc.getMap<Annotation>(ANNOTATIONS).values()].map((a) => a.id).sort();
}

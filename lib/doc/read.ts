/**
 * Reads a room's Y.Doc into what the reading page shows: per paragraph, the highlights to paint and the
 * threads for the margin. Pure (no DOM, no React), so it is tested by building documents in memory.
 */
import type * as Y from "yjs";
import { locate } from "./anchor";
import {
  ANNOTATIONS,
  AnnotationSchema,
  COMMENTS,
  CommentSchema,
  parseEntryKey,
  type Annotation,
  type Comment,
} from "./layout";

export type ParagraphText = { id: string; text: string };

/** An annotation with its comments: `opener` starts the thread (null for a bare highlight). */
export type Thread = {
  annotation: Annotation;
  opener: Comment | null;
  replies: Comment[];
  /** Where the highlight sits in its paragraph today; null for paragraph comments and orphans. */
  span: { start: number; end: number } | null;
};

export type ParagraphView = {
  /** Anchored highlights, in reading order: what the text paints. */
  highlights: Array<{ annotation: Annotation; start: number; end: number }>;
  /** Threads for the margin: paragraph comments first, then highlights in reading order. */
  threads: Thread[];
  /** Highlights whose words can no longer be found in the paragraph. Shown, never dropped. */
  orphans: Thread[];
};

export type RoomView = {
  paragraphs: Map<string, ParagraphView>;
  /** Annotations on paragraphs that are not part of this essay any more. */
  elsewhere: Thread[];
};

/**
 * The valid entries of a root map. The server checks every write, so an invalid entry means a client older
 * or newer than this one; it cannot be drawn, so it is skipped rather than crash the page.
 */
function readMap<T extends { id: string; authorId: string }>(
  doc: Y.Doc,
  name: string,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): T[] {
  const entries: T[] = [];
  doc.getMap(name).forEach((value, key) => {
    const owner = parseEntryKey(key);
    const parsed = schema.safeParse(value);
    if (owner && parsed.success && parsed.data.id === owner.id && parsed.data.authorId === owner.authorId) {
      entries.push(parsed.data);
    }
  });
  return entries;
}

export function readAnnotations(doc: Y.Doc): Annotation[] {
  return readMap(doc, ANNOTATIONS, AnnotationSchema);
}

export function readComments(doc: Y.Doc): Comment[] {
  return readMap(doc, COMMENTS, CommentSchema);
}

const byTime = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Groups comments under their annotation. The earliest thread root opens the thread; every other comment
 * (replies, and a second root written concurrently by someone else) follows it in time order, so no comment
 * is ever hidden. Comments whose annotation has not arrived are left out until it does.
 */
function commentsByAnnotation(comments: Comment[]): Map<string, { opener: Comment | null; replies: Comment[] }> {
  const grouped = new Map<string, Comment[]>();
  for (const comment of comments) {
    const list = grouped.get(comment.annotationId) ?? [];
    list.push(comment);
    grouped.set(comment.annotationId, list);
  }
  const result = new Map<string, { opener: Comment | null; replies: Comment[] }>();
  for (const [annotationId, list] of grouped) {
    list.sort(byTime);
    const opener = list.find((c) => c.parentId === null) ?? null;
    result.set(annotationId, { opener, replies: list.filter((c) => c !== opener) });
  }
  return result;
}

export function readRoom(doc: Y.Doc, paragraphs: ParagraphText[]): RoomView {
  const comments = commentsByAnnotation(readComments(doc));
  const texts = new Map(paragraphs.map((p) => [p.id, p.text]));
  const views = new Map<string, ParagraphView>(paragraphs.map((p) => [p.id, { highlights: [], threads: [], orphans: [] }]));
  const elsewhere: Thread[] = [];

  for (const annotation of readAnnotations(doc).sort(byTime)) {
    const discussion = comments.get(annotation.id) ?? { opener: null, replies: [] };
    const text = texts.get(annotation.paragraphId);
    const view = views.get(annotation.paragraphId);
    if (text === undefined || !view) {
      elsewhere.push({ annotation, ...discussion, span: null });
      continue;
    }
    if (!annotation.selector) {
      view.threads.push({ annotation, ...discussion, span: null });
      continue;
    }
    const span = locate(text, annotation.selector);
    if (!span) {
      view.orphans.push({ annotation, ...discussion, span: null });
      continue;
    }
    view.highlights.push({ annotation, ...span });
    view.threads.push({ annotation, ...discussion, span });
  }

  for (const view of views.values()) {
    view.highlights.sort((a, b) => a.start - b.start || a.end - b.end || byTime(a.annotation, b.annotation));
    // Stable sort: annotations are already in time order, so equal positions keep it.
    view.threads.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));
  }
  return { paragraphs: views, elsewhere };
}

export type Segment = { start: number; end: number; text: string; annotations: Annotation[] };

/**
 * Cuts a paragraph's text at every highlight boundary, so overlapping highlights become runs of text that
 * each know every highlight covering them (the newest one on top decides the colour).
 */
export function segmentText(text: string, highlights: ParagraphView["highlights"]): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const h of highlights) {
    cuts.add(Math.max(0, Math.min(text.length, h.start)));
    cuts.add(Math.max(0, Math.min(text.length, h.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const annotations = highlights
      .filter((h) => h.start <= start && h.end >= end)
      .map((h) => h.annotation)
      .sort(byTime);
    segments.push({ start, end, text: text.slice(start, end), annotations });
  }
  return segments;
}

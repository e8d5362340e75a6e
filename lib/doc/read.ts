/**
 * Reads a room's Y.Doc into what the reading page shows: per paragraph, the highlights to paint and the
 * threads for the margin, with each comment's reactions and moderation. Pure (no DOM, no React), so it is
 * tested by building documents in memory. Nothing here depends on who is looking; the components decide
 * what a viewer sees (a hidden comment's text, for instance, is shown to instructors only).
 */
import type * as Y from "yjs";
import type { z } from "zod";
import { placeNote } from "./place-note";
import { pickOpener } from "./opener";
import {
  ANCHORS,
  AnchorSchema,
  ANNOTATIONS,
  AnnotationSchema,
  COMMENTS,
  CommentSchema,
  HIDDEN,
  ModerationSchema,
  OPENERS,
  REACTIONS,
  REACTION_KINDS,
  RESOLVED,
  ReactionSchema,
  parseEntryKey,
  type Annotation,
  type Moderation,
  type Opener,
  type Reaction,
  type ReactionKind,
  type Anchor,
} from "./layout";

export type ParagraphText = { id: string; text: string };

/** A comment as stored, with tags and mentions filled in (older entries have neither). */
export type StoredComment = z.output<typeof CommentSchema>;

export type ReactionView = { kind: ReactionKind; people: Array<{ id: string; name: string }> };

export type CommentView = StoredComment & {
  /** Set when an instructor hid the comment. */
  hidden: Moderation | null;
  /** Kinds with at least one reaction, in REACTION_KINDS order; people in the order they reacted. */
  reactions: ReactionView[];
};

/** An annotation with its comments: `opener` starts the thread (null for a bare highlight). */
export type Thread = {
  annotation: Annotation;
  opener: CommentView | null;
  /** The opening comment was deleted while replies to it remain; they are still shown. */
  openerDeleted: boolean;
  /** The comment replies go under: the opener's id, or the deleted opener's. Null while nobody has commented. */
  rootId: string | null;
  replies: CommentView[];
  /** Where the highlight sits in the paragraph it is shown beside; null for paragraph comments and unanchored ones. */
  span: { start: number; end: number } | null;
  /**
   * Set when a revision of the essay moved the highlight with too little certainty (lib/doc/reanchor.ts): it is
   * placed, but the card asks readers to check it. The text says why.
   */
  review: string | null;
  /** Set when the note cannot be placed in the essay as it is now: why, in a reader's words. */
  unanchored: string | null;
  /** The paragraph the thread is shown beside: its annotation's, or the one its words moved to; null when unanchored. */
  shownBeside: string | null;
  /** The instructor who confirmed or re-attached the note's place after a revision (layout.ts, AnchorSchema). */
  placedBy: string | null;
  /** Set when the thread's author or an instructor resolved it. */
  resolved: Moderation | null;
  /** Read from the reader's private room: nobody else has it. */
  private: boolean;
};

export type ParagraphView = {
  /** Anchored highlights, in reading order: what the text paints. */
  highlights: Array<{ annotation: Annotation; start: number; end: number; private: boolean }>;
  /** Threads for the margin: paragraph comments first, then highlights in reading order. */
  threads: Thread[];
};

export type RoomView = {
  paragraphs: Map<string, ParagraphView>;
  /**
   * Notes that cannot be placed in the essay as it is now (their words were deleted, their paragraph removed),
   * each with its reason: shown together in one section, never dropped.
   */
  unanchored: Thread[];
};

type Schema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };

/**
 * The valid entries of an owned root map. The server checks every write, so an invalid entry means a client
 * older or newer than this one; it cannot be drawn, so it is skipped rather than crash the page.
 */
function readOwnedMap<T extends { id: string; authorId: string }>(doc: Y.Doc, name: string, schema: Schema<T>): T[] {
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

/** A moderation map (hidden, resolved): comment id -> who did it and when. */
function readModeration(doc: Y.Doc, name: string): Map<string, Moderation> {
  const entries = new Map<string, Moderation>();
  doc.getMap(name).forEach((value, key) => {
    const parsed = ModerationSchema.safeParse(value);
    if (parsed.success && parsed.data.id === key) entries.set(key, parsed.data);
  });
  return entries;
}

/** Instructors' placements of notes after a revision, by annotation id. */
export function readAnchors(doc: Y.Doc): Map<string, Anchor> {
  const entries = new Map<string, Anchor>();
  doc.getMap(ANCHORS).forEach((value, key) => {
    const parsed = AnchorSchema.safeParse(value);
    if (parsed.success && parsed.data.id === key) entries.set(key, parsed.data);
  });
  return entries;
}

export function readAnnotations(doc: Y.Doc): Annotation[] {
  return readOwnedMap(doc, ANNOTATIONS, AnnotationSchema);
}

export function readComments(doc: Y.Doc): StoredComment[] {
  return readOwnedMap(doc, COMMENTS, CommentSchema as Schema<StoredComment>);
}

export function readReactions(doc: Y.Doc): Reaction[] {
  return readOwnedMap(doc, REACTIONS, ReactionSchema);
}

const byTime = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function reactionsByComment(reactions: Reaction[]): Map<string, ReactionView[]> {
  const grouped = new Map<string, Reaction[]>();
  for (const reaction of reactions.sort(byTime)) {
    const list = grouped.get(reaction.id) ?? [];
    list.push(reaction);
    grouped.set(reaction.id, list);
  }
  const result = new Map<string, ReactionView[]>();
  for (const [commentId, list] of grouped) {
    result.set(
      commentId,
      REACTION_KINDS.map((kind) => ({
        kind,
        people: list.filter((r) => r.reaction === kind).map((r) => ({ id: r.authorId, name: r.authorName })),
      })).filter((view) => view.people.length > 0),
    );
  }
  return result;
}

type Discussion = Pick<Thread, "opener" | "openerDeleted" | "rootId" | "replies" | "resolved">;
const NO_DISCUSSION: Discussion = { opener: null, openerDeleted: false, rootId: null, replies: [], resolved: null };

/**
 * Groups comments under their annotation. The thread's opener is decided by lib/doc/opener.ts, so nobody's
 * comment (however it is timed) can take a thread over; every other comment (replies, and other first
 * comments) follows in time order, so no comment is ever hidden.
 * When the opener was deleted, its replies remain and the thread says so. Comments whose annotation has not
 * arrived are left out until it does.
 */
function discussions(doc: Y.Doc, annotations: Annotation[]): Map<string, Discussion> {
  const reactions = reactionsByComment(readReactions(doc));
  const hidden = readModeration(doc, HIDDEN);
  const resolved = readModeration(doc, RESOLVED);
  const authorOf = new Map(annotations.map((a) => [a.id, a.authorId]));
  const recorded = doc.getMap<Opener>(OPENERS);
  const grouped = new Map<string, CommentView[]>();
  for (const comment of readComments(doc)) {
    const view: CommentView = { ...comment, hidden: hidden.get(comment.id) ?? null, reactions: reactions.get(comment.id) ?? [] };
    const list = grouped.get(comment.annotationId) ?? [];
    list.push(view);
    grouped.set(comment.annotationId, list);
  }
  const result = new Map<string, Discussion>();
  for (const [annotationId, list] of grouped) {
    list.sort(byTime);
    const openerId = pickOpener(
      list.filter((c) => c.parentId === null),
      authorOf.get(annotationId),
      recorded.get(annotationId)?.commentId,
    );
    const opener = list.find((c) => c.id === openerId) ?? null;
    const replies = list.filter((c) => c !== opener);
    const rootId = opener?.id ?? openerId ?? replies.find((c) => c.parentId !== null)?.parentId ?? replies[0]?.id ?? null;
    result.set(annotationId, {
      opener,
      openerDeleted: opener === null && replies.length > 0,
      rootId,
      replies,
      resolved: opener ? (resolved.get(opener.id) ?? null) : null,
    });
  }
  return result;
}

export type ReadOptions = {
  /** The document is the reader's private room: its threads are marked as only theirs. */
  private?: boolean;
};

function emptyView(): ParagraphView {
  return { highlights: [], threads: [] };
}

function sortView(view: ParagraphView) {
  view.highlights.sort((a, b) => a.start - b.start || a.end - b.end || byTime(a.annotation, b.annotation));
  // Paragraph comments (no span) first, then by position; equal keys fall back to time.
  view.threads.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1) || byTime(a.annotation, b.annotation));
}

/**
 * Places every annotation in the essay as it is now (place-note.ts): a highlight whose words a revision moved (a
 * split paragraph, a merge) is shown beside the paragraph that holds them now, or where an instructor placed it; a
 * paragraph comment stays with its paragraph. What cannot be placed goes to `unanchored` with its reason.
 */
export function readRoom(doc: Y.Doc, paragraphs: ParagraphText[], options: ReadOptions = {}): RoomView {
  const isPrivate = options.private ?? false;
  const annotations = readAnnotations(doc).sort(byTime);
  const comments = discussions(doc, annotations);
  const anchors = readAnchors(doc);
  const views = new Map<string, ParagraphView>(paragraphs.map((p) => [p.id, emptyView()]));
  const unanchored: Thread[] = [];

  for (const annotation of annotations) {
    const discussion = comments.get(annotation.id) ?? NO_DISCUSSION;
    const anchor = anchors.get(annotation.id);
    const thread = (span: Thread["span"], review: string | null, why: string | null, shownBeside: string | null): Thread => ({
      annotation, ...discussion, span, review, unanchored: why, shownBeside, placedBy: anchor?.byName ?? null, private: isPrivate,
    });
    const shown = placeNote(annotation, anchor, paragraphs);
    const view = shown.as === "unanchored" ? undefined : views.get(shown.paragraphId);
    if (shown.as === "unanchored" || !view) {
      unanchored.push(thread(null, null, shown.reason, null));
      continue;
    }
    view.threads.push(thread(shown.span, shown.reason, null, shown.paragraphId));
    if (shown.span) view.highlights.push({ annotation, ...shown.span, private: isPrivate });
  }

  for (const view of views.values()) sortView(view);
  return { paragraphs: views, unanchored };
}

/**
 * One view of several rooms (the seminar's and the reader's private notes), as the margin shows them together.
 * Each thread keeps its `private` flag, which says which room its replies and changes go to.
 */
export function mergeRoomViews(...rooms: RoomView[]): RoomView {
  if (rooms.length === 1) return rooms[0]!;
  const paragraphs = new Map<string, ParagraphView>();
  const unanchored: Thread[] = [];
  for (const room of rooms) {
    for (const [id, view] of room.paragraphs) {
      const merged = paragraphs.get(id) ?? emptyView();
      merged.highlights.push(...view.highlights);
      merged.threads.push(...view.threads);
      paragraphs.set(id, merged);
    }
    unanchored.push(...room.unanchored);
  }
  for (const view of paragraphs.values()) sortView(view);
  unanchored.sort((a, b) => byTime(a.annotation, b.annotation));
  return { paragraphs, unanchored };
}

/** Every thread of the view in reading order: paragraph by paragraph, then the unanchored ones. */
export function allThreads(view: RoomView, paragraphs: ParagraphText[]): Thread[] {
  const threads: Thread[] = [];
  for (const p of paragraphs) {
    const paragraph = view.paragraphs.get(p.id);
    if (paragraph) threads.push(...paragraph.threads);
  }
  return [...threads, ...view.unanchored];
}

export type Segment = { start: number; end: number; text: string; annotations: Annotation[] };

/**
 * Cuts a paragraph's text at every highlight boundary, so overlapping highlights become runs of text that
 * each know every highlight covering them (the newest one on top decides the colour).
 */
export function segmentText(text: string, highlights: ReadonlyArray<{ annotation: Annotation; start: number; end: number }>): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const h of highlights) {
    cuts.add(Math.max(0, Math.min(text.length, h.start)));
    cuts.add(Math.max(0, Math.min(text.length, h.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const annotations = highlights
      .filter((h) => h.start <= start && h.end >= end)
      .map((h) => h.annotation)
      .sort(byTime);
    segments.push({ start, end, text: text.slice(start, end), annotations });
  }
  return segments;
}

/** What a hidden comment said, as an instructor fetches it (the live document carries only a stub). */
export type WithheldTextOf = ReadonlyMap<string, { body: string; tags: string[]; mentions: string[] }>;

/** The ids of comments in the view whose text is withheld. */
export function withheldIds(view: RoomView): string[] {
  const ids: string[] = [];
  const visit = (thread: Thread) => {
    for (const comment of [thread.opener, ...thread.replies]) if (comment?.withheld) ids.push(comment.id);
  };
  for (const paragraph of view.paragraphs.values()) paragraph.threads.forEach(visit);
  view.unanchored.forEach(visit);
  return ids;
}

/** The view with hidden comments' text filled in where it is known; the same view when there is none. */
export function fillWithheld(view: RoomView, texts: WithheldTextOf): RoomView {
  if (texts.size === 0) return view;
  const fill = (comment: CommentView | null): CommentView | null => {
    const text = comment?.withheld ? texts.get(comment.id) : undefined;
    return comment && text ? { ...comment, body: text.body, tags: text.tags, mentions: text.mentions } : comment;
  };
  const thread = (t: Thread): Thread => ({ ...t, opener: fill(t.opener), replies: t.replies.map((c) => fill(c)!) });
  const paragraphs = new Map<string, ParagraphView>();
  for (const [id, p] of view.paragraphs) paragraphs.set(id, { ...p, threads: p.threads.map(thread) });
  return { paragraphs, unanchored: view.unanchored.map(thread) };
}

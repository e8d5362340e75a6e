/**
 * The only code that writes to a room's Y.Doc. Every value is built per lib/doc/layout.ts and checked with
 * the server's own rules (checkSet, checkDelete) and the room's facts first, so the browser never makes a
 * write the server would refuse: a refused update closes the connection (4422), which would be a far worse
 * experience than an error message beside the button that was pressed.
 */
import type * as Y from "yjs";
import { selectorsFor, type Span } from "../doc/anchor";
import {
  ANCHORS,
  ANNOTATIONS,
  COMMENTS,
  HIDDEN,
  REACTIONS,
  RESOLVED,
  entryKey,
  type Anchor,
  type Annotation,
  type Comment,
  type HighlightColor,
  type Moderation,
  type Reaction,
  type ReactionKind,
  type RootMapName,
} from "../doc/layout";
import { entryIndexOf } from "../doc/entry-index";
import { checkDelete, checkSet, type Refusal, type RoomFacts, type Writer } from "../doc/permissions";
import { newId } from "./new-id";

export class AnnotateError extends Error {
  name = "AnnotateError";
}

/**
 * Where a write goes: the room's document, who writes (with the role the server gave them in that room) and
 * what the room's rules check against. The document's own facts (comments, ids, current values) are filled in
 * from it; `now` is this page's estimate of the server's clock (server-clock.ts), which times are bounded by.
 */
export type WriteTarget = {
  doc: Y.Doc;
  writer: Writer;
  facts?: Pick<RoomFacts, "paragraphIds" | "tags" | "memberIds">;
  now?: () => number;
};

type Change = { map: RootMapName; key: string; value: unknown } | { map: RootMapName; key: string; delete: true };

function factsOf(target: WriteTarget): RoomFacts {
  const { doc } = target;
  return {
    ...target.facts,
    ...entryIndexOf(doc).facts(),
    current: (map, key) => doc.getMap(map).get(key),
    now: nowOf(target),
  };
}

const nowOf = (target: WriteTarget) => Math.round((target.now ?? Date.now)());

/**
 * A time for an entry that answers others: now, or theirs if this page's clock is behind (the server refuses
 * a reply timed before its parent).
 */
function timeAfter(target: WriteTarget, ...times: Array<number | undefined>): number {
  return Math.max(nowOf(target), ...times.map((t) => t ?? 0));
}

function createdAtOfComment(target: WriteTarget, id: string): number | undefined {
  const fact = entryIndexOf(target.doc).comment(id);
  return fact && !fact.deleted ? fact.createdAt : undefined;
}

function createdAtOfAnnotation(target: WriteTarget, id: string): number | undefined {
  return entryIndexOf(target.doc).facts().annotation(id)?.createdAt;
}

/**
 * The rules' reason as a sentence for the reader. A shape error names the document's map ("invalid comments entry:
 * …"), which means nothing to a reader: only what follows is shown.
 */
function sentence(refusal: Refusal): string {
  const reason = refusal.reason.trim().replace(/^invalid \w+ entry: /, "");
  return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}${/[.!?]$/.test(reason) ? "" : "."}`;
}

/**
 * Checks every change against the rules, then applies them in one transaction (other readers receive a
 * highlight and its first comment together, never a thread without its highlight). Nothing is written
 * when any change would be refused. `what` starts the error message ("This comment cannot be saved").
 */
function apply(target: WriteTarget, changes: Change[], what: string): void {
  const { doc, writer } = target;
  const facts = factsOf(target);
  for (const change of changes) {
    const refusal =
      "delete" in change
        ? checkDelete(change.map, change.key, writer, facts)
        : checkSet(change.map, change.key, change.value, writer, facts);
    if (refusal) throw new AnnotateError(`${what}: ${sentence(refusal)}`);
  }
  doc.transact(() => {
    for (const change of changes) {
      const map = doc.getMap(change.map);
      if ("delete" in change) map.delete(change.key);
      else map.set(change.key, change.value);
    }
  });
}

/** What a comment says: its text, the seminar's tags put on it and the members it mentions. */
export type CommentDraft = { body: string; tags?: string[]; mentions?: string[] };

function newComment(target: WriteTarget, annotationId: string, parentId: string | null, draft: CommentDraft, createdAt?: number): Comment {
  const { writer } = target;
  return {
    id: newId(),
    authorId: writer.id,
    authorName: writer.name,
    annotationId,
    parentId,
    body: draft.body.trim(),
    createdAt:
      createdAt ??
      timeAfter(target, createdAtOfAnnotation(target, annotationId), parentId === null ? undefined : createdAtOfComment(target, parentId)),
    editedAt: null,
    tags: [...new Set(draft.tags ?? [])],
    mentions: [...new Set(draft.mentions ?? [])],
  };
}

const setComment = (value: Comment): Change => ({ map: COMMENTS, key: entryKey(value.authorId, value.id), value });
const setAnnotation = (value: Annotation): Change => ({ map: ANNOTATIONS, key: entryKey(value.authorId, value.id), value });

export type CreateHighlightOptions = {
  paragraphId: string;
  /** The paragraph's whole text, and the highlighted span within it (UTF-16 offsets). */
  paragraphText: string;
  span: Span;
  color: HighlightColor;
  /** When present, the highlight opens a thread with this comment. */
  comment?: string | CommentDraft;
};

export function createHighlight(target: WriteTarget, options: CreateHighlightOptions): Annotation {
  const { writer } = target;
  const { paragraphId, paragraphText, span, color } = options;
  const annotation: Annotation = {
    id: newId(),
    authorId: writer.id,
    authorName: writer.name,
    paragraphId,
    kind: "highlight",
    color,
    selector: selectorsFor(paragraphText, span),
    createdAt: nowOf(target),
  };
  const changes = [setAnnotation(annotation)];
  if (options.comment !== undefined) {
    const draft = typeof options.comment === "string" ? { body: options.comment } : options.comment;
    changes.push(setComment(newComment(target, annotation.id, null, draft, annotation.createdAt)));
  }
  apply(target, changes, options.comment === undefined ? "This highlight cannot be saved" : "This note cannot be saved");
  return annotation;
}

export function createParagraphComment(target: WriteTarget, { paragraphId, ...draft }: { paragraphId: string } & CommentDraft): Annotation {
  const { writer } = target;
  const annotation: Annotation = {
    id: newId(),
    authorId: writer.id,
    authorName: writer.name,
    paragraphId,
    kind: "paragraph",
    color: null,
    selector: null,
    createdAt: nowOf(target),
  };
  apply(target, [setAnnotation(annotation), setComment(newComment(target, annotation.id, null, draft, annotation.createdAt))], "This note cannot be saved");
  return annotation;
}

/** Opens the thread on a highlight that has none yet (anyone may start the discussion of a highlight). */
export function startThread(target: WriteTarget, { annotationId, ...draft }: { annotationId: string } & CommentDraft): Comment {
  const value = newComment(target, annotationId, null, draft);
  apply(target, [setComment(value)], "This comment cannot be saved");
  return value;
}

/** Replies to a thread; `rootId` is the id of the comment that opened it. */
export function reply(target: WriteTarget, { annotationId, rootId, ...draft }: { annotationId: string; rootId: string } & CommentDraft): Comment {
  const value = newComment(target, annotationId, rootId, draft);
  apply(target, [setComment(value)], "This reply cannot be saved");
  return value;
}

/** Replaces one's own comment's text, tags and mentions; readers see it marked as edited. */
export function editComment(target: WriteTarget, comment: Comment, draft: CommentDraft): Comment {
  // Built field by field: the caller may hold a view model with more in it (reactions, hidden), which the
  // layout does not allow in a stored comment.
  const value: Comment = {
    id: comment.id,
    authorId: comment.authorId,
    authorName: comment.authorName,
    annotationId: comment.annotationId,
    parentId: comment.parentId,
    createdAt: comment.createdAt,
    body: draft.body.trim(),
    tags: [...new Set(draft.tags ?? comment.tags ?? [])],
    mentions: [...new Set(draft.mentions ?? comment.mentions ?? [])],
    editedAt: timeAfter(target, comment.createdAt),
  };
  apply(target, [setComment(value)], "This comment cannot be saved");
  return value;
}

/**
 * Deletes one's own comment. With `annotation` (one's own highlight or paragraph note whose only comment this
 * is), the annotation goes too, so the whole note disappears. Replies to a deleted opener stay.
 */
export function deleteComment(target: WriteTarget, comment: Comment, annotation?: Annotation): void {
  const changes: Change[] = [{ map: COMMENTS, key: entryKey(comment.authorId, comment.id), delete: true }];
  if (annotation) changes.push({ map: ANNOTATIONS, key: entryKey(annotation.authorId, annotation.id), delete: true });
  apply(target, changes, "This comment cannot be deleted");
}

/** Removes one's own highlight (one that nobody has commented on). */
export function deleteAnnotation(target: WriteTarget, annotation: Annotation): void {
  apply(target, [{ map: ANNOTATIONS, key: entryKey(annotation.authorId, annotation.id), delete: true }], "This highlight cannot be removed");
}

function moderation(target: WriteTarget, commentId: string): Moderation {
  const { writer } = target;
  return { id: commentId, byId: writer.id, byName: writer.name, at: timeAfter(target, createdAtOfComment(target, commentId)) };
}

/** Marks a thread resolved; `rootId` is its opening comment. Its author and instructors may. */
export function resolveThread(target: WriteTarget, rootId: string): void {
  apply(target, [{ map: RESOLVED, key: rootId, value: moderation(target, rootId) }], "This thread cannot be resolved");
}

export function reopenThread(target: WriteTarget, rootId: string): void {
  apply(target, [{ map: RESOLVED, key: rootId, delete: true }], "This thread cannot be reopened");
}

/** Sets the writer's one reaction to a comment, replacing any other kind they had chosen. */
export function react(target: WriteTarget, commentId: string, kind: ReactionKind): void {
  const { writer } = target;
  const createdAt = timeAfter(target, createdAtOfComment(target, commentId));
  const value: Reaction = { id: commentId, authorId: writer.id, authorName: writer.name, reaction: kind, createdAt };
  apply(target, [{ map: REACTIONS, key: entryKey(writer.id, commentId), value }], "This reaction cannot be saved");
}

export function unreact(target: WriteTarget, commentId: string): void {
  apply(target, [{ map: REACTIONS, key: entryKey(target.writer.id, commentId), delete: true }], "This reaction cannot be removed");
}

/** Instructors hide a comment from students (who see that it was hidden, not what it said). */
export function hideComment(target: WriteTarget, commentId: string): void {
  apply(target, [{ map: HIDDEN, key: commentId, value: moderation(target, commentId) }], "This comment cannot be hidden");
}

export function showComment(target: WriteTarget, commentId: string): void {
  apply(target, [{ map: HIDDEN, key: commentId, delete: true }], "This comment cannot be shown again");
}

/**
 * Places a note on words after a revision (the review queue): the instructor confirms where it was re-anchored, or
 * attaches it to words they selected. The author's own entry is left as written; readers place it here instead.
 */
export function placeNote(target: WriteTarget, { annotationId, paragraphId, paragraphText, span }: { annotationId: string; paragraphId: string; paragraphText: string; span: Span }): void {
  const { writer } = target;
  const anchor: Anchor = { id: annotationId, paragraphId, selector: selectorsFor(paragraphText, span), byId: writer.id, byName: writer.name, at: nowOf(target) };
  apply(target, [{ map: ANCHORS, key: annotationId, value: anchor }], "This note cannot be placed here");
}

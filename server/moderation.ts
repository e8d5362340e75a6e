/**
 * The server's own writes into a room's live document, which carry out moderation and keep it tidy:
 * - a hidden comment's text leaves the shared document: the author's entry is replaced by a stub without
 *   body, tags or mentions, and the full entry is kept in the withheld store (table WithheldComment, stored
 *   in the same batch), so students' clients never receive it; instructors and the author read it over HTTP;
 * - shown again, the full entry comes back;
 * - an author's edit that reaches a comment hidden meanwhile is withheld the same way, and its batch is
 *   broadcast redacted (save-queue.ts), so the new text is not sent to anyone either;
 * - a deleted comment's hide and resolve entries go with it, as do moderation entries that raced a deletion;
 * - when someone other than a highlight's author starts its discussion, the server records that comment as
 *   the thread's opener (`openers`), so a later comment, however it is timed, cannot take the thread over.
 * The write rules (lib/doc/permissions.ts) let clients make only the moves that end here consistently.
 */
import * as Y from "yjs";
import type { EntryIndex } from "../lib/doc/entry-index";
import { ANCHORS, ANNOTATIONS, COMMENTS, HIDDEN, OPENERS, RESOLVED, entryKey, parseEntryKey, type Comment, type Opener } from "../lib/doc/layout";

export const SERVER_ORIGIN = Symbol("gloss server");

/**
 * What one transaction changed: keys per root map, and comment values it wrote that lost at once to a
 * concurrent write of the same key (an author's edit crossing the server's stub of the hidden comment).
 */
export type Changed = Map<string, Set<string>> & { lost?: Map<string, Comment> };

export class Moderator {
  private unsaved: Array<{ commentId: string; value: Comment | null }> = [];

  constructor(
    private readonly doc: Y.Doc,
    /** Hidden comments' full entries, by comment id. */
    readonly withheld: Map<string, Comment>,
    private readonly index: EntryIndex,
  ) {}

  /**
   * Brings the document in line after a change; returns true when the change carried text that was then
   * withheld, so the batch holding it must be broadcast redacted.
   */
  afterChange(changed: Changed): boolean {
    let redact = false;
    for (const [key, value] of changed.lost ?? []) {
      // The edit lost to the stub; it is still the author's latest text, and it is in the update's bytes.
      if (this.withheld.has(value.id) && parseEntryKey(key)?.authorId === value.authorId && !value.withheld) {
        this.withheld.set(value.id, value);
        this.unsaved.push({ commentId: value.id, value });
        redact = true;
      }
    }
    const comments = this.doc.getMap<Comment>(COMMENTS);
    const hidden = this.doc.getMap(HIDDEN);
    const resolved = this.doc.getMap(RESOLVED);
    const keyOf = (commentId: string) => {
      const fact = this.index.comment(commentId);
      return fact ? entryKey(fact.authorId, commentId) : null;
    };
    this.doc.transact(() => {
      for (const key of changed.get(COMMENTS) ?? []) {
        const commentId = parseEntryKey(key)?.id;
        if (!commentId) continue;
        const value = comments.get(key);
        if (value === undefined) {
          if (hidden.has(commentId)) hidden.delete(commentId);
          if (resolved.has(commentId)) resolved.delete(commentId);
          if (this.withheld.has(commentId)) this.forget(commentId);
        } else {
          if (hidden.has(commentId) && !value.withheld) {
            this.withhold(comments, key, value);
            redact = true;
          }
          if (value.parentId === null) this.recordOpener(value.annotationId);
        }
      }
      const anchors = this.doc.getMap(ANCHORS);
      for (const key of changed.get(ANNOTATIONS) ?? []) {
        const annotationId = parseEntryKey(key)?.id;
        if (annotationId) this.recordOpener(annotationId);
        // A note deleted takes its instructor's placement with it.
        if (annotationId && !this.doc.getMap(ANNOTATIONS).has(key) && anchors.has(annotationId)) anchors.delete(annotationId);
      }
      for (const annotationId of changed.get(ANCHORS) ?? []) {
        // Placed while its note was being deleted: nothing left to place.
        const author = this.index.annotationAuthor(annotationId);
        if (anchors.has(annotationId) && (author === undefined || !this.doc.getMap(ANNOTATIONS).has(entryKey(author, annotationId)))) anchors.delete(annotationId);
      }
      for (const commentId of changed.get(HIDDEN) ?? []) {
        const key = keyOf(commentId);
        const value = key ? comments.get(key) : undefined;
        if (hidden.has(commentId)) {
          if (value === undefined) hidden.delete(commentId);
          else if (!value.withheld) this.withhold(comments, key!, value);
        } else if (value?.withheld) {
          const full = this.withheld.get(commentId);
          if (full) comments.set(key!, full);
          this.forget(commentId);
        }
      }
      for (const commentId of changed.get(RESOLVED) ?? []) {
        const key = keyOf(commentId);
        if (resolved.has(commentId) && (key === null || !comments.has(key))) resolved.delete(commentId);
      }
    }, SERVER_ORIGIN);
    return redact;
  }

  /** Everything as if it had all just changed: for a room loaded from a log written before these rules. */
  tidyAll(): void {
    const all = (name: string) => new Set(this.doc.getMap(name).keys());
    const hidden = new Set([...all(HIDDEN), ...this.withheld.keys()]);
    this.afterChange(new Map([[COMMENTS, all(COMMENTS)], [HIDDEN, hidden], [RESOLVED, all(RESOLVED)], [ANNOTATIONS, all(ANNOTATIONS)], [ANCHORS, all(ANCHORS)]]));
  }

  /**
   * A thread started by someone other than its highlight's author gets its opener on record: the first such
   * comment the server accepts (the earliest, if several arrive together), unless the author has one.
   */
  private recordOpener(annotationId: string): void {
    const openers = this.doc.getMap<Opener>(OPENERS);
    const author = this.index.annotationAuthor(annotationId);
    if (author === undefined || openers.has(annotationId)) return;
    const roots = this.index.rootsOf(annotationId);
    if (roots.length === 0 || roots.some((root) => root.authorId === author)) return;
    const first = roots.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))[0]!;
    openers.set(annotationId, { id: annotationId, commentId: first.id, at: Date.now() });
  }

  private withhold(comments: Y.Map<Comment>, key: string, value: Comment): void {
    this.withheld.set(value.id, value);
    this.unsaved.push({ commentId: value.id, value });
    comments.set(key, { ...value, body: "", tags: [], mentions: [], withheld: true });
  }

  private forget(commentId: string): void {
    this.withheld.delete(commentId);
    this.unsaved.push({ commentId, value: null });
  }

  /** A withheld entry another instance stored (`null`: it forgot it). */
  learn(commentId: string, value: Comment | null): void {
    if (value === null) this.withheld.delete(commentId);
    else this.withheld.set(commentId, value);
  }

  /** Withheld entries not stored yet; handed to the next batch, and given back if that batch fails. */
  takeUnsaved() {
    return this.unsaved.splice(0);
  }

  giveBack(entries: Array<{ commentId: string; value: Comment | null }>): void {
    this.unsaved.unshift(...entries);
  }
}

/** Runs `change` and returns the root-map keys its transaction changed. */
export function captureChanges(doc: Y.Doc, change: () => void): Changed {
  const changed: Changed = new Map();
  const collect = (transaction: Y.Transaction) => {
    // Before the transaction's garbage collection, which drops deleted content.
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny) || struct.parentSub === null) return;
      if (struct.id.clock < (transaction.beforeState.get(struct.id.client) ?? 0)) return; // not written by this transaction
      const parent = struct.parent as Y.AbstractType<unknown>;
      if (parent._item !== null || Y.findRootTypeKey(parent) !== COMMENTS) return;
      (changed.lost ??= new Map()).set(struct.parentSub, struct.content.arr[0] as Comment);
    });
    for (const [type, keys] of transaction.changed) {
      if (type._item !== null) continue;
      const name = Y.findRootTypeKey(type);
      const set = changed.get(name) ?? new Set<string>();
      keys.forEach((key) => key !== null && set.add(key));
      changed.set(name, set);
    }
  };
  doc.on("afterTransaction", collect);
  try {
    change();
  } finally {
    doc.off("afterTransaction", collect);
  }
  return changed;
}

/**
 * Keeps the relational copy of a room (tables Annotation, Comment, Reaction) in step with its committed
 * document, for exports and analytics. The update log stays the source of truth: a room that is loaded is
 * copied whole, so a copy that fell behind (a crash between log and copy) catches up. Runs off the hot
 * path, one run at a time, coalescing the keys that changed meanwhile. Comments it copies for the first time
 * become notifications (lib/notifications). Notes it copies, and those whose instructor's placement changed, are
 * then placed in the essay as it is now (lib/placements), so reports count them where readers see them. Each run
 * that wrote annotations or comments is announced on `gloss_activity`, for live dashboards.
 */
import * as Y from "yjs";
import type { Db } from "../lib/db/client.server";
import { ANCHORS, ANNOTATIONS, COMMENTS, HIDDEN, REACTIONS, RESOLVED, parseEntryKey, type Comment } from "../lib/doc/layout";
import { notifyAboutComments } from "../lib/notifications/notify-about-comments.server";
import { placeCopiedNotes } from "../lib/placements/place-copied-notes.server";
import { announceActivity } from "./activity-announcer";
import { copyEntries, type DirtyKeys } from "./copy-entries";
import type { Sql } from "./sql-pool";

export class RelationalCopy {
  private dirty: DirtyKeys = noKeys();
  private running: Promise<void> | null = null;
  /** When the server first committed each entry key; becomes the rows' receivedAt. */
  private readonly receivedAt = new Map<string, Date>();

  private readonly db: Db;
  private readonly sql: Sql;

  constructor(
    { db, sql }: { db: Db; sql: Sql },
    private readonly roomId: string,
    private readonly essayId: string,
    private readonly committed: Y.Doc,
    private readonly withheld: ReadonlyMap<string, Comment>,
    private readonly log: (message: string) => void,
  ) {
    this.db = db;
    this.sql = sql;
    this.dirty = {
      annotations: new Set(committed.getMap(ANNOTATIONS).keys()),
      comments: new Set(committed.getMap(COMMENTS).keys()),
      reactions: new Set(committed.getMap(REACTIONS).keys()),
      anchors: new Set(committed.getMap(ANCHORS).keys()),
    };
    const track = (name: string, into: keyof DirtyKeys, byComment = false) =>
      committed.getMap(name).observe((event) =>
        event.keysChanged.forEach((key) => {
          if (byComment) {
            // Hiding or resolving changes the comment's row; its key is found by id.
            const author = this.commentAuthor(key);
            if (author) this.dirty[into].add(`${author}:${key}`);
            return;
          }
          if (!this.receivedAt.has(key) && event.target.has(key)) this.receivedAt.set(key, new Date());
          this.dirty[into].add(key);
        }),
      );
    track(ANNOTATIONS, "annotations");
    track(COMMENTS, "comments");
    track(REACTIONS, "reactions");
    track(ANCHORS, "anchors");
    track(HIDDEN, "comments", true);
    track(RESOLVED, "comments", true);
  }

  private commentAuthor(commentId: string): string | null {
    for (const key of this.committed.getMap(COMMENTS).keys()) {
      const owner = parseEntryKey(key);
      if (owner?.id === commentId) return owner.authorId;
    }
    return null;
  }

  /** Copies what changed; resolves when the copy holds everything committed so far (or a run failed). */
  run(): Promise<void> {
    this.running ??= (async () => {
      while (!isEmpty(this.dirty)) {
        const dirty = this.dirty;
        this.dirty = noKeys();
        try {
          const { newComments } = await copyEntries(this.sql, {
            roomId: this.roomId,
            doc: this.committed,
            dirty,
            withheld: this.withheld,
            receivedAt: (key) => this.receivedAt.get(key),
          });
          for (const keys of Object.values(dirty)) keys.forEach((key: string) => this.receivedAt.delete(key));
          // Once the rows are in (a reply's parent included), tell the people concerned.
          await notifyAboutComments(this.db, { roomId: this.roomId, comments: newComments }).catch((error: unknown) =>
            this.log(`room ${this.roomId}: notifications not made: ${String(error)}`),
          );
          if (dirty.annotations.size + dirty.comments.size > 0) announceActivity(this.sql, this.roomId, this.log);
          await this.place(dirty);
        } catch (error) {
          // Keep the keys for the next run (copying again changes nothing); the copy is rebuilt whole when the room is
          // next loaded anyway.
          for (const name of KEY_SETS) dirty[name].forEach((key) => this.dirty[name].add(key));
          this.log(`room ${this.roomId}: relational copy failed: ${String(error)}`);
          break;
        }
      }
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Places the notes this run copied, and those whose instructor's placement changed. */
  private async place(dirty: DirtyKeys): Promise<void> {
    const annotationIds = new Set(dirty.anchors);
    for (const key of dirty.annotations) {
      const id = parseEntryKey(key)?.id;
      if (id) annotationIds.add(id);
    }
    await placeCopiedNotes(this.db, { essayId: this.essayId, roomId: this.roomId, annotationIds: [...annotationIds] });
  }

  get idle(): boolean {
    return this.running === null && isEmpty(this.dirty);
  }
}

const KEY_SETS = ["annotations", "comments", "reactions", "anchors"] as const;

function noKeys(): DirtyKeys {
  return { annotations: new Set(), comments: new Set(), reactions: new Set(), anchors: new Set() };
}

function isEmpty(dirty: DirtyKeys): boolean {
  return KEY_SETS.every((name) => dirty[name].size === 0);
}

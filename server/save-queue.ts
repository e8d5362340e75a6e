/**
 * The room's path to PostgreSQL: group commit of applied updates, then the hand-off to readers.
 *
 * Updates wait here from the moment they are applied to the live document until they are committed. One
 * INSERT takes everything that arrived while the previous one was in flight. Only after it commits is the
 * batch applied to the committed document (which joiners are synced from and compaction encodes) and handed
 * to `onCommitted` for broadcasting, so whatever any reader receives survives a crash. A failed INSERT is
 * retried with back-off, first in line, and nothing of it is sent to anyone meanwhile.
 */
import * as Y from "yjs";
import { appendBatch, compactRoom, type BatchExtras } from "./persistence";
import type { Sql } from "./sql-pool";

export type Committed = {
  /** The batch's updates as one (those stored elsewhere included): what readers are sent, one frame per batch. */
  merged: Uint8Array | null;
  /**
   * Set when the batch held text that must not reach readers (an edit to a comment that was hidden as it
   * arrived): the batch's effect as the committed document has it, with that text already collected.
   */
  redacted: Uint8Array | null;
  /** What this batch stored itself (not what another instance had stored), for the other instances to hear of. */
  stored: { update: Uint8Array | null; extras: BatchExtras };
};

export type SaveQueueOptions = {
  sql: Sql;
  roomId: string;
  /** The document as the log holds it when the room is loaded; kept as everything committed since. */
  committed: Y.Doc;
  /** Log rows already stored for the room when it was loaded. */
  logRows: number;
  /** Log rows this server stored after which it compacts the log into one update. */
  compactAfter: number;
  /** How long the room must go without a commit before it compacts (see `maybeCompact`); 1 s unless set. */
  quietMs?: number;
  /** What else to store with the next batch; given back with `giveBack` if the batch fails. */
  takeExtras: () => BatchExtras;
  giveBack: (extras: BatchExtras) => void;
  onCommitted: (batch: Committed) => void;
  log: (message: string) => void;
};

export class SaveQueue {
  /** Everything committed to the log, and nothing else. */
  readonly committed: Y.Doc;
  /** `stored`: already in the log, put there by another instance; it goes through the queue to keep the order. */
  private queue: Array<{ update: Uint8Array; redact: boolean; stored: boolean }> = [];
  private running: Promise<void> | null = null;
  private compacting: Promise<void> | null = null;
  private logRows: number;
  /** Bytes stored since the last compaction, and the size of the update that compaction left. */
  private bytesSince = 0;
  private compactedBytes = 0;
  /** Whether the last attempt to store failed (the room is "not saved" until one succeeds). */
  failing = false;
  private lastCommitAt = 0;
  private quietTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: SaveQueueOptions) {
    this.committed = options.committed;
    this.logRows = options.logRows;
  }

  push(update: Uint8Array, stored = false): void {
    this.queue.push({ update, redact: false, stored });
    void this.save();
  }

  /** Marks everything not yet taken into a batch as redacted (see Committed). */
  redactPending(): void {
    for (const entry of this.queue) entry.redact = true;
  }

  get idle(): boolean {
    return this.queue.length === 0 && this.running === null && this.compacting === null;
  }

  /** Resolves when everything pushed so far is committed (retrying as long as it takes). */
  save(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    // Start after the current task: a client's update and the server's moderation that follows it in the
    // same task then share a batch (and its redaction).
    await null;
    let failures = 0;
    for (;;) {
      const batch = this.queue.splice(0);
      const extras = this.options.takeExtras();
      if (batch.length === 0 && extras.claims.length === 0 && extras.withheld.length === 0) return;
      const fresh = batch.filter((entry) => !entry.stored).map((entry) => entry.update);
      const hasExtras = extras.claims.length > 0 || extras.withheld.length > 0;
      try {
        if (fresh.length > 0 || hasExtras) await appendBatch(this.options.sql, this.options.roomId, fresh, extras);
        failures = 0;
        this.failing = false;
      } catch (error) {
        this.queue.unshift(...batch);
        this.options.giveBack(extras);
        this.failing = true;
        this.options.log(`room ${this.options.roomId}: saving ${batch.length} updates failed: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** failures++, 5000)));
        continue;
      }
      const updates = batch.map((entry) => entry.update);
      const before = batch.some((entry) => entry.redact) ? Y.encodeStateVector(this.committed) : null;
      const merged = updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      if (merged) Y.applyUpdate(this.committed, merged);
      const redacted = before ? Y.encodeStateAsUpdate(this.committed, before) : null;
      const freshMerged = fresh.length === 0 ? null : fresh.length === batch.length ? merged : Y.mergeUpdates(fresh);
      // Redacted text must not reach another instance's readers either.
      this.options.onCommitted({ merged, redacted, stored: { update: fresh.length > 0 ? (redacted ?? freshMerged) : null, extras } });
      this.logRows += fresh.length;
      this.bytesSince += fresh.reduce((sum, update) => sum + update.length, 0);
      this.lastCommitAt = Date.now();
      this.maybeCompact();
    }
  }

  /**
   * A busy room compacts once it pauses: compacting costs a read of the whole log, a worker thread's CPU on the
   * same cores and a rewrite, which readers of a room being written at hundreds of updates a second felt as a
   * spike (bench/profile-notes.md). A room that never pauses compacts anyway once its log is ten times as long.
   */
  private maybeCompact(): void {
    if (!this.dueForCompaction || this.stopped) return;
    if (this.logRows >= 10 * this.options.compactAfter) return this.compact();
    if (this.quietTimer) return;
    const quietMs = this.options.quietMs ?? 1000;
    const check = () => {
      const quietFor = Date.now() - this.lastCommitAt;
      if (quietFor < quietMs) {
        this.quietTimer = setTimeout(check, quietMs - quietFor).unref();
        return;
      }
      this.quietTimer = null;
      if (this.dueForCompaction && !this.stopped) this.compact();
    };
    this.quietTimer = setTimeout(check, quietMs).unref();
  }

  /**
   * Also not before the log has grown by the size of what the last compaction left: compacting costs about the
   * room's size, so a busy, big room compacting every `compactAfter` rows would spend ever more time on it.
   */
  private get dueForCompaction(): boolean {
    return this.logRows >= this.options.compactAfter && this.bytesSince >= this.compactedBytes;
  }

  /** Beside the batches, not in their way: compaction reads the log itself, so what is stored meanwhile is safe. */
  private compact(): void {
    const [rowsBefore, bytesBefore] = [this.logRows, this.bytesSince];
    this.compacting ??= compactRoom(this.options.sql, this.options.roomId)
      .then(
        // Not compacted (null) means another instance holds the room's compaction lock: it does the work.
        (size) => {
          // What was stored while it ran is still in the log, beside the one update it left.
          this.logRows = 1 + this.logRows - rowsBefore;
          this.bytesSince -= bytesBefore;
          if (size !== null) this.compactedBytes = size;
          return size !== null;
        },
        (error: unknown) => {
          this.options.log(`room ${this.options.roomId}: compaction failed (the log is intact): ${String(error)}`);
          return false;
        },
      )
      .then((compacted) => {
        this.compacting = null;
        // A room whose writers fell silent while it compacted would otherwise keep what they wrote meanwhile as
        // rows of their own until somebody writes again.
        if (compacted) this.maybeCompact();
      });
  }

  /** Resolves once a compaction under way has ended. */
  async settled(): Promise<void> {
    await this.compacting;
  }

  /** No compaction starts from now on (the room is unloaded; the log is intact either way). */
  stop(): void {
    this.stopped = true;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = null;
  }
}

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
import type { Db } from "../lib/db/client.server";
import { appendBatch, compactRoom, type BatchExtras } from "./persistence";

export type Committed = {
  /** The batch's updates, as they were applied. */
  updates: Uint8Array[];
  /**
   * Set when the batch held text that must not reach readers (an edit to a comment that was hidden as it
   * arrived): the batch's effect as the committed document has it, with that text already collected.
   */
  redacted: Uint8Array | null;
};

export type SaveQueueOptions = {
  db: Db;
  roomId: string;
  /** The document as the log holds it when the room is loaded; kept as everything committed since. */
  committed: Y.Doc;
  /** Log rows already stored for the room when it was loaded. */
  logRows: number;
  /** Log rows after which the log is compacted into one update. */
  compactAfter: number;
  /** What else to store with the next batch; given back with `giveBack` if the batch fails. */
  takeExtras: () => BatchExtras;
  giveBack: (extras: BatchExtras) => void;
  onCommitted: (batch: Committed) => void;
  log: (message: string) => void;
};

export class SaveQueue {
  /** Everything committed to the log, and nothing else. */
  readonly committed: Y.Doc;
  private queue: Array<{ update: Uint8Array; redact: boolean }> = [];
  private running: Promise<void> | null = null;
  private logRows: number;
  /** Whether the last attempt to store failed (the room is "not saved" until one succeeds). */
  failing = false;

  constructor(private readonly options: SaveQueueOptions) {
    this.committed = options.committed;
    this.logRows = options.logRows;
  }

  push(update: Uint8Array): void {
    this.queue.push({ update, redact: false });
    void this.save();
  }

  /** Marks everything not yet taken into a batch as redacted (see Committed). */
  redactPending(): void {
    for (const entry of this.queue) entry.redact = true;
  }

  get idle(): boolean {
    return this.queue.length === 0 && this.running === null;
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
      const updates = batch.map((entry) => entry.update);
      let lastId: bigint;
      try {
        lastId = await appendBatch(this.options.db, this.options.roomId, updates, extras);
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
      if (batch.length === 0) continue;
      const before = batch.some((entry) => entry.redact) ? Y.encodeStateVector(this.committed) : null;
      Y.applyUpdate(this.committed, updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
      this.options.onCommitted({ updates, redacted: before ? Y.encodeStateAsUpdate(this.committed, before) : null });
      this.logRows += batch.length;
      if (this.logRows >= this.options.compactAfter) await this.compact(lastId);
    }
  }

  private async compact(upToId: bigint): Promise<void> {
    try {
      await compactRoom(this.options.db, this.options.roomId, Y.encodeStateAsUpdate(this.committed), upToId);
      this.logRows = 1;
    } catch (error) {
      this.options.log(`room ${this.options.roomId}: compaction failed (the log is intact): ${String(error)}`);
    }
  }
}

/**
 * One live room (essay x seminar): its Yjs document, presence, connections and the path every update takes.
 *
 * An update is checked, applied to the document, written to the log in a batch, and only then sent to the
 * readers, its writer included (its client counts that as "saved"). Whatever another reader has received is therefore committed to PostgreSQL and survives a
 * crash; the writer's own client resends anything that was not (its sync step 2 on reconnect). A joining
 * reader's initial state is encoded only when nothing applied is still unsaved, for the same reason.
 */
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import type { Db } from "../lib/db/client.server";
import { ANNOTATIONS, COMMENTS, HIDDEN, REACTIONS, RESOLVED, entryKey } from "../lib/doc/layout";
import type { Comment } from "../lib/doc/layout";
import type { RoomFacts, Writer } from "../lib/doc/permissions";
import { decodeAwarenessUpdate, encodeAwarenessEntries, sanitizeAwarenessState } from "./awareness";
import { checkUpdate, clientOwnersOf } from "./check-update";
import { CloseCode } from "../lib/live/wire";
import { CloseError } from "./close-error";
import { allKeys, isEmpty, materialize, noKeys, type DirtyKeys } from "./materialize";
import type { RoomRecord } from "../lib/rooms/find-room.server";
import { appendUpdates, compactRoom, loadRoomDocument } from "./persistence";
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type ClientMessage } from "./protocol";

export type Connection = {
  user: Writer;
  send: (message: Uint8Array) => void;
  /** Awareness client ids this connection speaks for (the y-websocket client uses one, its doc's clientID). */
  awarenessIds: Set<number>;
};

export type RoomOptions = { compactAfter: number; log: (message: string) => void };

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly connections = new Set<Connection>();
  private clientOwners = new Map<number, string>();
  /** Comment id -> author and parent, for the moderation and reaction rules. */
  private comments = new Map<string, { authorId: string; parentId: string | null }>();
  /** The seminar's tags and members; refreshed from the database whenever someone joins. */
  private seminarFacts: Pick<RoomFacts, "tags" | "memberIds"> = {};
  private unsaved: Array<{ update: Uint8Array; origin: unknown }> = [];
  private saving: Promise<void> | null = null;
  private logRows = 0;
  private dirty: DirtyKeys = noKeys();
  private materializing: Promise<void> | null = null;

  private constructor(
    private readonly db: Db,
    readonly record: RoomRecord,
    private readonly options: RoomOptions,
  ) {
    this.awareness.setLocalState(null); // the server is not a reader
  }

  static async load(db: Db, record: RoomRecord, options: RoomOptions): Promise<Room> {
    const room = new Room(db, record, options);
    room.logRows = await loadRoomDocument(db, record.id, room.doc);
    room.clientOwners = clientOwnersOf(room.doc);
    room.dirty = allKeys(room.doc);
    room.doc.on("update", (update: Uint8Array, origin: unknown) => {
      room.unsaved.push({ update, origin });
      void room.save();
    });
    room.doc.getMap(ANNOTATIONS).observe((event) => event.keysChanged.forEach((k) => room.dirty.annotations.add(k)));
    room.doc.getMap(REACTIONS).observe((event) => event.keysChanged.forEach((k) => room.dirty.reactions.add(k)));
    for (const moderation of [HIDDEN, RESOLVED]) {
      room.doc.getMap(moderation).observe((event) =>
        event.keysChanged.forEach((commentId) => {
          const comment = room.comments.get(commentId);
          if (comment) room.dirty.comments.add(entryKey(comment.authorId, commentId));
        }),
      );
    }
    const comments = room.doc.getMap<Comment>(COMMENTS);
    comments.forEach((value) => room.comments.set(value.id, { authorId: value.authorId, parentId: value.parentId }));
    comments.observe((event) =>
      event.keysChanged.forEach((key) => {
        room.dirty.comments.add(key);
        const value = comments.get(key);
        if (value) room.comments.set(value.id, { authorId: value.authorId, parentId: value.parentId });
        else room.comments.delete(key.slice(key.indexOf(":") + 1));
      }),
    );
    room.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>) => {
      const changed = [...added!, ...updated!, ...removed!];
      room.broadcast(encodeAwareness(encodeAwarenessUpdate(room.awareness, changed)));
    });
    void room.materialize();
    return room;
  }

  setSeminarFacts(facts: Pick<RoomFacts, "tags" | "memberIds">): void {
    this.seminarFacts = facts;
  }

  join(conn: Connection): void {
    this.connections.add(conn);
    conn.send(encodeSyncStep1(this.doc));
    if (this.awareness.getStates().size > 0) {
      conn.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
    }
  }

  leave(conn: Connection): void {
    this.connections.delete(conn);
    removeAwarenessStates(this.awareness, [...conn.awarenessIds], conn);
  }

  /** Throws CloseError when the connection must be closed; the message then had no effect. */
  async receive(conn: Connection, message: ClientMessage): Promise<void> {
    switch (message.type) {
      case "sync-step-1":
        while (this.unsaved.length > 0 || this.saving) await this.save();
        conn.send(encodeSyncStep2(this.doc, message.stateVector));
        return;
      case "update":
        return this.applyClientUpdate(conn, message.update);
      case "awareness":
        return this.applyClientAwareness(conn, message.update);
      case "query-awareness":
        conn.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
        return;
    }
  }

  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    const result = checkUpdate(update, {
      doc: this.doc,
      writer: conn.user,
      clientOwners: this.clientOwners,
      facts: {
        ...this.seminarFacts,
        paragraphIds: this.record.paragraphIds,
        comment: (id) => this.comments.get(id),
      },
    });
    if (!result.ok) throw new CloseError(CloseCode.UpdateRefused, result.reason);
    for (const client of result.clients) this.clientOwners.set(client, conn.user.id);
    Y.applyUpdate(this.doc, update, conn);
  }

  /**
   * A connection speaks for one awareness client: the first id it sends that no other user owns. The
   * y-websocket client also forwards other readers' states it has seen (for example when one times out);
   * those entries are dropped, so nobody can change or remove another reader's presence.
   */
  private applyClientAwareness(conn: Connection, update: Uint8Array): void {
    const own = decodeAwarenessUpdate(update).filter((entry) => {
      if (conn.awarenessIds.has(entry.clientId)) return true;
      const owner = this.clientOwners.get(entry.clientId);
      if (conn.awarenessIds.size > 0 || (owner !== undefined && owner !== conn.user.id) || entry.state === null) return false;
      conn.awarenessIds.add(entry.clientId);
      this.clientOwners.set(entry.clientId, conn.user.id);
      return true;
    });
    if (own.length === 0) return;
    for (const entry of own) entry.state = sanitizeAwarenessState(entry.state, conn.user);
    applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(own), conn);
  }

  private broadcast(message: Uint8Array): void {
    for (const conn of this.connections) conn.send(message);
  }

  /** Resolves when everything applied so far is committed (or, after an error, retried). */
  save(): Promise<void> {
    this.saving ??= this.saveLoop().finally(() => {
      this.saving = null;
    });
    return this.saving;
  }

  private async saveLoop(): Promise<void> {
    let failures = 0;
    while (this.unsaved.length > 0) {
      const batch = this.unsaved.splice(0);
      let lastId: bigint;
      try {
        lastId = await appendUpdates(this.db, this.record.id, batch.map((entry) => entry.update));
        failures = 0;
      } catch (error) {
        // Nothing of the batch was sent to anyone: keep it first in line and try again.
        this.unsaved.unshift(...batch);
        this.options.log(`room ${this.record.id}: saving ${batch.length} updates failed: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** failures++, 5000)));
        continue;
      }
      // The writer gets its own update back too: that is how its client learns the change is saved.
      for (const { update } of batch) this.broadcast(encodeUpdate(update));
      this.logRows += batch.length;
      void this.materialize();
      if (this.logRows >= this.options.compactAfter) await this.compact(lastId);
    }
  }

  private async compact(upToId: bigint): Promise<void> {
    try {
      await compactRoom(this.db, this.record.id, Y.encodeStateAsUpdate(this.doc), upToId);
      this.logRows = 1;
    } catch (error) {
      this.options.log(`room ${this.record.id}: compaction failed (the log is intact): ${String(error)}`);
    }
  }

  /** Copies changed entries to the relational tables; one run at a time, coalescing changes made meanwhile. */
  materialize(): Promise<void> {
    this.materializing ??= (async () => {
      while (!isEmpty(this.dirty)) {
        const dirty = this.dirty;
        this.dirty = noKeys();
        try {
          await materialize(this.db, this.record.id, this.doc, dirty);
        } catch (error) {
          // Keep the keys for the next run; the copy is rebuilt whole when the room is next loaded anyway.
          dirty.annotations.forEach((key) => this.dirty.annotations.add(key));
          dirty.comments.forEach((key) => this.dirty.comments.add(key));
          dirty.reactions.forEach((key) => this.dirty.reactions.add(key));
          this.options.log(`room ${this.record.id}: relational copy failed: ${String(error)}`);
          break;
        }
      }
    })().finally(() => {
      this.materializing = null;
    });
    return this.materializing;
  }

  /** Waits until the log and the relational copy hold everything; used when the room empties or the server stops. */
  async settle(): Promise<void> {
    while (this.unsaved.length > 0 || this.saving || this.materializing) {
      await this.save();
      await this.materialize();
    }
  }

  destroyed = false;

  destroy(): void {
    this.destroyed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }
}

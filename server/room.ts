/**
 * One live room (essay x seminar): its Yjs document, its readers' connections and presence, and the path
 * every update takes through them. Check (check-update.ts), apply to the live document, let the server's own
 * moderation follow (moderation.ts), then the save queue stores the batch and only then hands it to the
 * readers, its writer included (its client counts that as "saved"). Joiners are synced from the committed
 * document, so they too receive only what is stored, and never wait for a stream of writes to be stored.
 */
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import type { Db } from "../lib/db/client.server";
import { EntryIndex } from "../lib/doc/entry-index";
import type { RoomFacts, Writer } from "../lib/doc/permissions";
import { CloseCode } from "../lib/live/wire";
import type { RoomRecord } from "../lib/rooms/find-room.server";
import { addsNothing } from "./adds-nothing";
import { decodeAwarenessUpdate, encodeAwarenessEntries, sanitizeAwarenessState, type AwarenessEntry } from "./awareness";
import { checkUpdate } from "./check-update";
import { ClientOwners } from "./client-owners";
import { CloseError } from "./close-error";
import { CommittedSync } from "./committed-sync";
import type { Limits } from "./limits";
import { captureChanges, Moderator, SERVER_ORIGIN } from "./moderation";
import { loadRoomDocument, loadWithheld } from "./persistence";
import { encodeAwareness, encodeUpdate, type ClientMessage } from "./protocol";
import { RelationalCopy } from "./relational-copy";
import { PresenceBatch } from "./presence-batch";
import type { BusMessage, RoomBus } from "./room-bus";
import { SaveQueue } from "./save-queue";
import type { Sql } from "./sql-pool";

export type Connection = {
  user: Writer;
  send: (message: Uint8Array) => void;
  /** Awareness client ids this connection speaks for (the y-websocket client uses one, its doc's clientID). */
  awarenessIds: Set<number>;
  /**
   * Updates that build on content this connection has not sent yet. A client that reconnects sends new
   * changes as soon as the socket opens, before its sync step 2 has caught the server up on what it wrote
   * while disconnected; they are held, then checked again once that step 2 has been applied.
   */
  held: Uint8Array[];
  /** Whether this connection's sync step 2 has been applied. */
  caughtUp: boolean;
  /** Whether the connection may change its own presence once more now (its rate limit). */
  admitPresence: () => boolean;
  /**
   * The room's seminar is archived: the connection syncs and shows presence, and any update that would change the
   * document closes it with 4423. Set at connect, and by the archive's access event (so frames already on their
   * way are refused too); never cleared, since an unarchive reaches readers when they reload.
   */
  readOnly: boolean;
};

export function newConnection(user: Writer, send: (message: Uint8Array) => void, admitPresence: () => boolean = () => true): Connection {
  return { user, send, awarenessIds: new Set(), held: [], caughtUp: false, admitPresence, readOnly: false };
}

/** The origin of what another instance stored: applied here without being stored again or published back. */
export const REMOTE_ORIGIN = Symbol("another instance");

/** How long presence changes are gathered before they are sent: at most 20 presence messages a second per reader. */
export const PRESENCE_WINDOW_MS = 50;

export type Stores = { db: Db; sql: Sql; copySql?: Sql; bus?: RoomBus | null };

export type RoomOptions = {
  compactAfter: number;
  limits: Pick<Limits, "growthPerUserPerRoom" | "heldUpdates">;
  log: (message: string) => void;
};

export class Room {
  readonly connections = new Set<Connection>();
  readonly awareness: Awareness;
  /** The seminar's tags and members; refreshed from the database whenever someone joins. */
  private seminarFacts: Pick<RoomFacts, "tags" | "memberIds"> = {};
  /** Bytes each user has added to the document, for the growth limit. */
  private readonly growth: Map<string, number>;
  private readonly sync: CommittedSync;
  destroyed = false;

  /** Ends this room's subscription to the other instances' news. */
  private unsubscribe: () => void = () => {};
  private catchingUp: Promise<void> | null = null;
  /** Presence changes for this instance's readers, and for the other instances' (presence-batch.ts). */
  private readonly presence: PresenceBatch;
  private readonly presenceOut: PresenceBatch;

  private constructor(
    readonly record: RoomRecord,
    /** Everything applied: what updates are checked against. Readers are sent only what `queue` has stored. */
    readonly doc: Y.Doc,
    private readonly owners: ClientOwners,
    private readonly index: EntryIndex,
    private readonly moderator: Moderator,
    private readonly queue: SaveQueue,
    private readonly copy: RelationalCopy,
    private readonly options: RoomOptions,
    private readonly bus: RoomBus | null,
    private readonly db: Db,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null); // the server is not a reader
    this.presence = new PresenceBatch(PRESENCE_WINDOW_MS, (ids) => this.broadcast(encodeAwareness(encodeAwarenessUpdate(this.awareness, ids))));
    this.presenceOut = new PresenceBatch(PRESENCE_WINDOW_MS, (ids) =>
      this.bus?.publish(record.id, { kind: "presence", update: encodeAwarenessUpdate(this.awareness, ids) }),
    );
    this.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const changed = [...added!, ...updated!, ...removed!];
      this.presence.add(changed);
      if (origin !== REMOTE_ORIGIN && this.bus) this.presenceOut.add(changed);
    });
    this.growth = growthByUser(doc, owners);
    this.sync = new CommittedSync(queue.committed);
  }

  /**
   * `db` for what is read once per load, `sql` for the statements run per batch (sql-pool.ts), `copySql` for the
   * relational copy's (a pool of its own keeps the copy from ever delaying the log; `sql` without one).
   */
  static async load({ db, sql, copySql = sql, bus = null }: Stores, record: RoomRecord, options: RoomOptions): Promise<Room> {
    // Subscribed before the log is read: whatever another instance stores from then on is either in what is
    // read or in a message, held here until the room is ready (applying both twice is harmless).
    let room: Room | null = null;
    const early: BusMessage[] = [];
    const unsubscribe = bus ? await bus.subscribe(record.id, (message) => (room ? room.receiveRemote(message) : early.push(message))) : () => {};
    try {
      room = await Room.loadStored({ db, sql, copySql, bus }, record, options);
    } catch (error) {
      unsubscribe();
      throw error;
    }
    room.unsubscribe = unsubscribe;
    for (const message of early) room.receiveRemote(message);
    return room;
  }

  private static async loadStored({ db, sql, copySql = sql, bus = null }: Stores, record: RoomRecord, options: RoomOptions): Promise<Room> {
    const doc = new Y.Doc();
    const committed = new Y.Doc();
    const logRows = await loadRoomDocument(db, record.id, [doc, committed]);
    const withheld = await loadWithheld(db, record.id);
    const owners = await ClientOwners.load(db, record.id, doc);
    doc.clientID = owners.newServerClient(doc);
    const index = new EntryIndex(doc);
    const moderator = new Moderator(doc, withheld, index);
    let room: Room | null = null;
    const queue = new SaveQueue({
      sql,
      roomId: record.id,
      committed,
      logRows,
      compactAfter: options.compactAfter,
      takeExtras: () => ({ claims: owners.takeUnsaved(), withheld: moderator.takeUnsaved() }),
      giveBack: (extras) => {
        owners.giveBack(extras.claims);
        moderator.giveBack(extras.withheld);
      },
      onCommitted: ({ merged, redacted, stored }) => {
        if (merged) room?.broadcast(encodeUpdate(redacted ?? merged));
        const { claims, withheld } = stored.extras;
        if (stored.update || claims.length > 0 || withheld.length > 0) bus?.publish(record.id, { kind: "stored", update: stored.update, claims, withheld });
        void room?.copy.run();
      },
      log: options.log,
    });
    doc.on("update", (update: Uint8Array, origin: unknown) => queue.push(update, origin === REMOTE_ORIGIN));
    const copy = new RelationalCopy({ db, sql: copySql }, record.id, record.essayId, committed, withheld, options.log);
    room = new Room(record, doc, owners, index, moderator, queue, copy, options, bus, db);
    moderator.tidyAll();
    void copy.run();
    return room;
  }

  /**
   * Tells the room's open pages that the essay was revised, through the server's own presence entry (which carries
   * no reader, so no page lists it): they offer a reload for the new text (components/reading/revised-banner.tsx).
   */
  announceRevision(at: number): void {
    this.awareness.setLocalState({ essayRevisedAt: at });
  }

  /**
   * The essay was revised: notes on its new paragraphs are accepted from now on. Ids are only added: a removed
   * paragraph keeps its notes, which may still be edited (lib/rooms/find-room.server.ts lists it too).
   */
  addParagraphIds(ids: Iterable<string>): void {
    for (const id of ids) this.record.paragraphIds.add(id);
  }

  setSeminarFacts(facts: Pick<RoomFacts, "tags" | "memberIds">): void {
    this.seminarFacts = facts;
    this.lastingFacts = null;
  }

  /** The server's sync step 1 names what is stored, so a client never takes an unsaved change for a saved one. */
  join(conn: Connection): void {
    this.connections.add(conn);
    conn.send(this.sync.syncStep1());
    if (this.awareness.getStates().size > 0) {
      conn.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
    }
  }

  leave(conn: Connection): void {
    this.connections.delete(conn);
    removeAwarenessStates(this.awareness, [...conn.awarenessIds], conn);
  }

  /** Throws CloseError when the connection must be closed; the message then had no effect. */
  receive(conn: Connection, message: ClientMessage): void {
    switch (message.type) {
      case "sync-step-1":
        conn.send(this.sync.syncStep2(message.stateVector));
        return;
      case "sync-step-2":
      case "update":
        return this.applyClientUpdate(conn, message.update, message.type === "sync-step-2");
      case "awareness":
        return this.applyClientAwareness(conn, message.update);
      case "query-awareness":
        conn.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
        return;
    }
  }

  /** What the checks are given, but the time: its lookups read the live index and document, so it is built once. */
  private lastingFacts: Omit<RoomFacts, "now"> | null = null;

  private facts(): RoomFacts {
    this.lastingFacts ??= {
      ...this.seminarFacts,
      ...this.index.facts(),
      paragraphIds: this.record.paragraphIds,
      current: (map, key) => this.doc.getMap(map).get(key),
    };
    return { ...this.lastingFacts, now: Date.now() };
  }

  private applyClientUpdate(conn: Connection, update: Uint8Array, isStep2: boolean): void {
    const { user } = conn;
    // A catch-up usually brings nothing new (a new page's is empty, a returning page's repeats the delete set): there
    // is nothing to check, apply or store, only the updates held for it to try again.
    if (isStep2 && addsNothing(update, this.doc)) {
      conn.caughtUp = true;
      for (const held of conn.held.splice(0)) this.applyClientUpdate(conn, held, false);
      return;
    }
    if (conn.readOnly) {
      if (!addsNothing(update, this.doc)) throw new CloseError(CloseCode.Archived, "this seminar is archived: its discussion is read-only");
      if (isStep2) conn.caughtUp = true;
      return;
    }
    const result = checkUpdate(update, { doc: this.doc, writer: user, clientOwners: this.owners, facts: this.facts() });
    if (!result.ok) {
      if (!(result.missing && !conn.caughtUp)) throw new CloseError(CloseCode.UpdateRefused, result.reason);
      if (conn.held.length >= this.options.limits.heldUpdates) {
        throw new CloseError(CloseCode.UpdateRefused, "too many updates that build on content never sent");
      }
      conn.held.push(update);
      return;
    }
    if (result.clients.length > 0) {
      const grown = (this.growth.get(user.id) ?? 0) + update.length;
      if (grown > this.options.limits.growthPerUserPerRoom) {
        throw new CloseError(CloseCode.QuotaExceeded, "you have added as much as one person can to this room");
      }
      this.growth.set(user.id, grown);
    }
    for (const client of result.clients) this.owners.claim(client, user.id);
    const changed = captureChanges(this.doc, () => Y.applyUpdate(this.doc, update, conn));
    if (this.moderator.afterChange(changed)) this.queue.redactPending();
    if (isStep2) {
      conn.caughtUp = true;
      for (const held of conn.held.splice(0)) this.applyClientUpdate(conn, held, false);
    }
  }

  /**
   * A connection speaks for one awareness client: the first id it sends that no other user owns. The
   * y-websocket client also forwards other readers' states it has seen (for example when one times out);
   * those entries are dropped, so nobody can change or remove another reader's presence.
   */
  private applyClientAwareness(conn: Connection, update: Uint8Array): void {
    let entries: AwarenessEntry[];
    try {
      entries = decodeAwarenessUpdate(update);
    } catch (error) {
      throw new CloseError(CloseCode.MalformedMessage, `malformed presence: ${(error as Error).message}`);
    }
    const own = entries.filter((entry) => {
      if (conn.awarenessIds.has(entry.clientId)) return true;
      if (conn.awarenessIds.size > 0 || entry.state === null) return false;
      if (!this.owners.claim(entry.clientId, conn.user.id)) return false;
      conn.awarenessIds.add(entry.clientId);
      return true;
    });
    // Only a change of one's own presence counts against the limit: y-websocket sends back every state it
    // receives, so a reader in a busy room echoes everyone else's, and those are dropped above.
    if (own.length === 0) return;
    if (!conn.admitPresence()) throw new CloseError(CloseCode.TooManyRequests, "too many presence updates per second");
    for (const entry of own) entry.state = sanitizeAwarenessState(entry.state, conn.user);
    applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(own), conn);
    if (this.owners.hasUnsaved) void this.queue.save(); // a new claim is stored even when no update follows
  }

  /**
   * What another instance stored, or its readers' presence. Stored updates are applied like a reader's, minus
   * the checks (that instance made them) and minus storing: moderation still follows, since a hide there and an
   * edit here may have crossed, and whatever it withholds is sent to readers here redacted.
   */
  receiveRemote(message: BusMessage): void {
    if (this.destroyed) return;
    if (message.kind === "resync") return void this.catchUp();
    if (message.kind === "presence") {
      try {
        applyAwarenessUpdate(this.awareness, message.update, REMOTE_ORIGIN);
      } catch (error) {
        this.options.log(`room ${this.record.id}: unreadable presence from another instance: ${String(error)}`);
      }
      return;
    }
    for (const { clientId, userId } of message.claims) this.owners.learn(clientId, userId);
    for (const { commentId, value } of message.withheld) this.moderator.learn(commentId, value);
    if (!message.update) return;
    const update = message.update;
    const changed = captureChanges(this.doc, () => Y.applyUpdate(this.doc, update, REMOTE_ORIGIN));
    if (this.moderator.afterChange(changed)) this.queue.redactPending();
  }

  /** Re-reads what the database holds for this room and applies what this instance missed (see room-bus.ts). */
  catchUp(): Promise<void> {
    this.catchingUp ??= (async () => {
      try {
        const stored = new Y.Doc();
        await loadRoomDocument(this.db, this.record.id, [stored]);
        const withheld = await loadWithheld(this.db, this.record.id);
        const claims = await this.db.roomClient.findMany({ where: { roomId: this.record.id }, select: { clientId: true, userId: true } });
        this.receiveRemote({
          kind: "stored",
          update: Y.encodeStateAsUpdate(stored, Y.encodeStateVector(this.doc)),
          claims: claims.map((claim: { clientId: bigint; userId: string | null }) => ({ clientId: Number(claim.clientId), userId: claim.userId })),
          withheld: [...withheld].map(([commentId, value]) => ({ commentId, value })),
        });
        stored.destroy();
      } catch (error) {
        this.options.log(`room ${this.record.id}: catching up from the database failed: ${String(error)}`);
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  /**
   * A write of the server's own (an import): applied to the live document as one transaction, then stored and sent
   * like any update. Not checked against the write rules: whoever calls it has decided what may be written.
   */
  writeAsServer(write: (doc: Y.Doc) => void): void {
    const changed = captureChanges(this.doc, () => this.doc.transact(() => write(this.doc), SERVER_ORIGIN));
    if (this.moderator.afterChange(changed)) this.queue.redactPending();
  }

  private broadcast(message: Uint8Array): void {
    for (const conn of this.connections) conn.send(message);
  }

  /** Whether the log and the relational copy hold everything applied so far. */
  get idle(): boolean {
    return this.queue.idle && this.copy.idle;
  }

  /** Waits until the log and the relational copy hold everything; used when the room empties or the server stops. */
  async settle(): Promise<void> {
    while (!this.idle) {
      await this.queue.save();
      await this.queue.settled();
      await this.copy.run();
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.unsubscribe();
    this.presence.stop();
    this.presenceOut.stop();
    this.queue.stop();
    this.awareness.destroy();
    this.doc.destroy();
    this.queue.committed.destroy();
  }
}

/** Bytes each user's structs take in the document (a struct's content, plus a little for the struct itself). */
function growthByUser(doc: Y.Doc, owners: ClientOwners): Map<string, number> {
  const growth = new Map<string, number>();
  for (const [client, structs] of doc.store.clients) {
    const owner = owners.get(client);
    if (!owner) continue;
    let bytes = 0;
    for (const struct of structs) {
      bytes += 16;
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentAny) bytes += JSON.stringify(struct.content.arr).length;
    }
    growth.set(owner, (growth.get(owner) ?? 0) + bytes);
  }
  return growth;
}

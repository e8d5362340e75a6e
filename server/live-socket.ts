/**
 * One websocket from its upgrade to its close: the checks that admit it (session, connection count, room access),
 * its registration for losses of access (open-connections.ts), and its frames, within its limits, handed to its room
 * in order.
 *
 * A class rather than closures in ws-server.ts, for memory: an idle reader is mostly this object, and each closure
 * the server runs through tsx gets a property store of its own for its name (bench/profile-notes.md, "Idle
 * connections"): four named closures per connection were about 1 KB of it.
 */
import type { IncomingMessage } from "node:http";
import { WebSocket, type RawData } from "ws";
import { AppError, AppErrorCode } from "../lib/errors/app-error";
import { CloseCode, type CloseCodeValue } from "../lib/live/wire";
import { authorizeRoomWith } from "../lib/rooms/authorize-room.server";
import type { RoomRecord } from "../lib/rooms/find-room.server";
import { authenticate, checkOrigin } from "./authenticate";
import { CloseError } from "./close-error";
import type { ConnectionCounts, Ticket } from "./connection-counts";
import type { ConnectionReads } from "./connection-reads";
import type { DecodedSessions } from "./decoded-sessions";
import { TokenBucket, type Limits } from "./limits";
import type { OpenConnection, OpenConnections } from "./open-connections";
import { decodeClientMessage } from "./protocol";
import { newConnection, type Connection, type Room } from "./room";

/** What every socket of one server shares. */
export type SocketServices = {
  allowedOrigins: readonly string[];
  limits: Limits;
  sessions: DecodedSessions;
  reads: ConnectionReads;
  connectionCounts: ConnectionCounts;
  connections: OpenConnections;
  openRoom: (record: RoomRecord) => Promise<Room>;
  /** Called when a room's last reader leaves. */
  emptied: (roomId: string, room: Room) => void;
  /** Closes a socket for `error` (a CloseError's code, or 1011), and cuts it if the peer does not finish closing. */
  close: (ws: WebSocket, error: unknown) => void;
};

export class LiveSocket implements OpenConnection {
  userId = "";
  seminarId: string | null = null;
  sessionVersion = 0;
  /** Only the cookie is kept for re-checks, not the whole request (headers, socket) for the connection's life. */
  private readonly cookie: string | undefined;
  private counted = false;
  private ticket: Ticket | null = null;
  private readOnly = false;
  private room: Room | null = null;
  private conn: Connection | null = null;
  /** Frames that arrive while the checks run wait here (a bounded number); nothing is read or sent before they pass. */
  private early: RawData[] | null = [];
  private ended = false;
  private forget: (() => void) | null = null;
  private bytes: TokenBucket | null = null;
  private updates: TokenBucket | null = null;

  constructor(
    private readonly ws: WebSocket,
    cookie: string | undefined,
    readonly roomId: string,
    private readonly services: SocketServices,
  ) {
    this.cookie = cookie;
    ws.on("message", (data) => this.frame(data));
    ws.on("close", () => this.closed());
  }

  /** Runs the checks; once they pass, joins the room and handles the frames that waited. */
  async open(req: IncomingMessage): Promise<void> {
    const { ws, services } = this;
    let room: Room;
    try {
      checkOrigin(req, services.allowedOrigins);
      // Nothing below may keep `req`: it is not used after this line.
      const { user, access } = await services.connections.checkUntilSettled(() => this.admit());
      this.readOnly = access.readOnly;
      this.userId = user.id;
      this.seminarId = access.room.seminarId;
      this.sessionVersion = user.sessionVersion;
      // Registered with nothing awaited since the checks, so a removal, sign-out or archive from now on closes it.
      this.forget = services.connections.add(this);
      if (ws.readyState !== WebSocket.OPEN) this.forget();
      // Members join and tags are added while a room is loaded; refresh what mentions and tags are checked against.
      const facts = access.room.seminarId ? await services.reads.seminarFacts(access.room.seminarId) : null;
      // An empty room may be unloaded while we wait for it; from the check on, nothing awaits until join().
      do room = await services.openRoom(access.room);
      while (room.destroyed);
      if (facts) room.setSeminarFacts(facts);
      const presence = new TokenBucket(services.limits.presencePerSecond, services.limits.presenceBurst);
      this.conn = newConnection(
        { id: user.id, name: user.name, role: access.role },
        (message) => this.send(message),
        () => presence.take(),
      );
      this.conn.readOnly = this.readOnly;
    } catch (error) {
      return services.close(ws, error);
    }
    if (ws.readyState !== WebSocket.OPEN) return;
    this.room = room;
    room.join(this.conn);
    this.bytes = new TokenBucket(services.limits.bytesPerSecond, services.limits.bytesBurst);
    this.updates = new TokenBucket(services.limits.updatesPerSecond, services.limits.updatesBurst);
    const early = this.early ?? [];
    this.early = null;
    for (const data of early) this.frame(data);
  }

  /** The checks, run at connect and again on `recheck`. */
  private async admit() {
    const { ws, services } = this;
    const user = await authenticate(this.cookie, services.sessions, services.reads);
    if (!this.counted) {
      // Once per connection (re-checks run this again), before the room is looked up.
      if (ws.readyState !== WebSocket.OPEN) throw new CloseError(CloseCode.GoingAway, "closed while being checked");
      this.counted = true;
      this.ticket = await services.connectionCounts.take(user.id, services.limits.connectionsPerUser);
      if (!this.ticket) throw new CloseError(CloseCode.TooManyRequests, "too many open connections; close some tabs");
      // Closed while its place was being taken: the close handler has already run.
      if (ws.readyState !== WebSocket.OPEN) this.ticket.giveBack();
    }
    const access = await authorizeRoomWith(services.reads, this.roomId, user.id, user.email).catch((error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      const code = error.code === AppErrorCode.NotFound ? CloseCode.RoomNotFound : CloseCode.Forbidden;
      throw new CloseError(code, error.message);
    });
    return { user, access };
  }

  /** OpenConnection: an access event closed it. An archive makes it read-only first, so frames on their way are refused too. */
  close(code: CloseCodeValue, reason: string): void {
    if (code === CloseCode.Archived) return this.closeArchived(reason);
    this.services.close(this.ws, new CloseError(code, reason));
  }

  /** OpenConnection: the checks again, after this server may have missed access events. */
  recheck(): Promise<void> {
    return this.admit().then(
      (again) => {
        // An archive this server missed: the connection was writable, and its page shows write controls.
        if (again.access.readOnly && !this.readOnly) this.closeArchived("the seminar was archived: it is read-only now");
      },
      (error: unknown) => {
        if (!(error instanceof CloseError)) throw error;
        this.services.close(this.ws, error);
      },
    );
  }

  private closeArchived(reason: string): void {
    this.readOnly = true;
    if (this.conn) this.conn.readOnly = true;
    this.services.close(this.ws, new CloseError(CloseCode.Archived, reason));
  }

  private send(message: Uint8Array): void {
    const { ws, services } = this;
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > services.limits.sendBuffer) return services.close(ws, new CloseError(CloseCode.TooSlow, "the connection fell too far behind"));
    ws.send(message);
  }

  private frame(data: RawData): void {
    if (this.ended) return;
    if (this.early) {
      this.early.push(data);
      if (this.early.length > 64) this.services.close(this.ws, new CloseError(CloseCode.TooManyRequests, "too many messages before the room opened"));
      return;
    }
    if (!this.room || !this.conn) return;
    try {
      const frame = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : new Uint8Array(data);
      if (!this.bytes!.take(frame.length)) throw new CloseError(CloseCode.TooManyRequests, "too many bytes per second");
      let message;
      try {
        message = decodeClientMessage(frame);
      } catch (error) {
        throw new CloseError(CloseCode.MalformedMessage, `malformed message: ${(error as Error).message}`);
      }
      if (message.type === "update" || message.type === "sync-step-2") {
        if (!this.updates!.take()) throw new CloseError(CloseCode.TooManyRequests, "too many changes per second");
      }
      // A comment sent just before the tab closed still counts; presence from a closed connection does not.
      if (this.ws.readyState !== WebSocket.OPEN && message.type !== "update" && message.type !== "sync-step-2") return;
      this.room.receive(this.conn, message);
    } catch (error) {
      this.ended = true;
      this.services.close(this.ws, error);
    }
  }

  private closed(): void {
    this.ticket?.giveBack();
    this.forget?.();
    const { room, conn } = this;
    if (!room || !conn) return;
    room.leave(conn);
    if (room.connections.size === 0) this.services.emptied(this.roomId, room);
  }
}

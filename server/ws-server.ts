/**
 * The websocket side of Gloss: y-websocket protocol on /ws/<roomId>. Reads like a list of hooks: answer the
 * upgrade, check origin, authenticate, find the room, load it, then check/apply/persist/broadcast each
 * message within the connection's limits, and unload the room when its last reader leaves.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import { connectionStringOf, type Db } from "../lib/db/client.server";
import { AppError, AppErrorCode } from "../lib/errors/app-error";
import { CloseCode } from "../lib/live/wire";
import { authorizeRoomWith } from "../lib/rooms/authorize-room.server";
import { findRoom, type RoomRecord } from "../lib/rooms/find-room.server";
import { clearRoomWriter, setRoomWriter, type RoomWriter } from "../lib/rooms/room-writer";
import { listenForAccessEvents } from "./access-events";
import { authenticate, checkOrigin } from "./authenticate";
import { CloseError } from "./close-error";
import { connectionReads } from "./connection-reads";
import { DecodedSessions } from "./decoded-sessions";
import { DEFAULT_LIMITS, TokenBucket, type Limits } from "./limits";
import { OpenConnections } from "./open-connections";
import { decodeClientMessage } from "./protocol";
import { newConnection, Room, type Connection } from "./room";
import { connectRoomBus } from "./room-bus";
import { localConnectionCounts, redisConnectionCounts, type Ticket } from "./connection-counts";
import { createSqlPool } from "./sql-pool";
import { refuseUpgrade, roomIdOfUpgrade } from "./upgrade";

export type WsServerOptions = {
  db: Db;
  secret: string;
  allowedOrigins?: readonly string[];
  /** Largest frame accepted; larger ones close the connection with 1009. Same as `limits.maxPayload`. */
  maxPayload?: number;
  limits?: Partial<Limits>;
  /** Log rows after which a room's log is compacted into one update. */
  compactAfter?: number;
  /** How long an empty room stays loaded, in case its readers come straight back. */
  unloadAfterMs?: number;
  log?: (message: string) => void;
  /**
   * The database to LISTEN on for losses of access (removals, sign-outs) decided by any instance; the connections
   * they concern are closed. Without it (some tests) nothing is closed on such events.
   */
  databaseUrl?: string;
  /**
   * Redis, for running several instances side by side: readers of one room on different instances then see each
   * other (room-bus.ts). Without it this instance serves its rooms alone.
   */
  redisUrl?: string;
};

export type WsServer = {
  handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  close: () => Promise<void>;
  rooms: () => number;
  /** Resolves once the server hears about losses of access (at once without `databaseUrl`). */
  ready: Promise<void>;
};

export function createWsServer(options: WsServerOptions): WsServer {
  const { db, secret, allowedOrigins = [], log = (m) => console.log(`[gloss ws] ${m}`) } = options;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits, ...(options.maxPayload ? { maxPayload: options.maxPayload } : {}) };
  const roomOptions = { compactAfter: options.compactAfter ?? 500, limits, log };
  const sql = createSqlPool(connectionStringOf(db));
  const copySql = createSqlPool(connectionStringOf(db), { max: 2 });
  const bus = options.redisUrl ? connectRoomBus(options.redisUrl, log) : null;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayload });
  const rooms = new Map<string, Promise<Room>>();
  const alive = new WeakSet<WebSocket>();
  const connectionCounts = options.redisUrl ? redisConnectionCounts(options.redisUrl, { log }) : localConnectionCounts();
  const connections = new OpenConnections();
  const sessions = new DecodedSessions({ secret });
  const reads = connectionReads(db);
  // Prisma loads its query compiler (some 30 MB) on its first query: at start, rather than in the first connection.
  const warmed = db.$queryRaw`SELECT 1`.then(
    () => undefined,
    () => undefined,
  );
  const accessEvents = options.databaseUrl
    ? listenForAccessEvents(options.databaseUrl, {
        onEvent: (event) => connections.apply(event),
        onResync: () => void connections.recheckAll(),
        log,
      })
    : null;

  // What Redis may have lost (room-bus.ts): back on the subscribing side, this instance catches up; back on the
  // publishing side, it asks the others to.
  bus?.onReconnect(async (connection) => {
    for (const [roomId, loading] of rooms) {
      const room = await loading.catch(() => null);
      if (!room || room.destroyed) continue;
      if (connection === "subscribe") void room.catchUp();
      else bus.publish(roomId, { kind: "resync" });
    }
  });

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      // A closing socket has its own deadline (close() below): a dropped slow reader cannot answer a ping from
      // behind what it has not read, and cutting it here would take its close code from it.
      if (ws.readyState === WebSocket.CLOSING) continue;
      if (!alive.has(ws)) ws.terminate();
      else {
        alive.delete(ws);
        ws.ping();
      }
    }
  }, 30_000);
  heartbeat.unref();

  async function openRoom(record: RoomRecord): Promise<Room> {
    const roomId = record.id;
    for (;;) {
      let loading = rooms.get(roomId);
      if (!loading) {
        loading = Room.load({ db, sql, copySql, bus }, record, roomOptions);
        rooms.set(roomId, loading);
        loading.catch(() => rooms.delete(roomId));
      }
      const room = await loading;
      if (!room.destroyed) return room;
    }
  }

  /** The room writer of this process (lib/rooms/room-writer.ts): resolves once the write is stored and copied. */
  const writeToRoom: RoomWriter = async (roomId, write) => {
    const record = await findRoom(db, roomId);
    if (!record) throw new Error(`no room ${roomId}`);
    // As for a joining connection: the room may be unloaded while we wait for it; from the check on, nothing awaits.
    let room: Room;
    do room = await openRoom(record);
    while (room.destroyed);
    room.writeAsServer(write);
    await room.settle();
    if (room.connections.size === 0) scheduleUnload(roomId, room);
  };
  setRoomWriter(writeToRoom);

  function scheduleUnload(roomId: string, room: Room) {
    setTimeout(async () => {
      if (room.connections.size > 0 || room.destroyed) return;
      await room.settle();
      // A server write (an import) that arrived while it settled keeps the room; the writer schedules this again.
      if (room.connections.size > 0 || rooms.get(roomId) === undefined || !room.idle) return;
      rooms.delete(roomId);
      room.destroy();
    }, options.unloadAfterMs ?? 10_000).unref();
  }

  function close(ws: WebSocket, error: unknown) {
    const closing = error instanceof CloseError ? error : null;
    if (!closing) log(`closing a connection after an error: ${String(error)}`);
    const code = closing?.code ?? CloseCode.InternalError;
    const reason = (closing?.message ?? "server error").slice(0, 120);
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, reason);
    // A peer that does not read cannot complete the closing handshake either. A slow reader gets longer: its
    // close frame waits behind what it has not read yet, and nothing more is added to that.
    setTimeout(() => ws.terminate(), code === CloseCode.TooSlow ? limits.slowReaderGraceMs : 2000).unref();
  }

  /** One connection's frames: within its limits, decoded, handed to its room in order. */
  function frameHandler(ws: WebSocket, room: Room, conn: Connection) {
    const bytes = new TokenBucket(limits.bytesPerSecond, limits.bytesBurst);
    const updates = new TokenBucket(limits.updatesPerSecond, limits.updatesBurst);
    let ended = false;
    return (data: RawData) => {
      if (ended) return;
      try {
        const frame = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : new Uint8Array(data);
        if (!bytes.take(frame.length)) throw new CloseError(CloseCode.TooManyRequests, "too many bytes per second");
        let message;
        try {
          message = decodeClientMessage(frame);
        } catch (error) {
          throw new CloseError(CloseCode.MalformedMessage, `malformed message: ${(error as Error).message}`);
        }
        if (message.type === "update" || message.type === "sync-step-2") {
          if (!updates.take()) throw new CloseError(CloseCode.TooManyRequests, "too many changes per second");
        }
        // A comment sent just before the tab closed still counts; presence from a closed connection does not.
        if (ws.readyState !== WebSocket.OPEN && message.type !== "update" && message.type !== "sync-step-2") return;
        room.receive(conn, message);
      } catch (error) {
        ended = true;
        close(ws, error);
      }
    };
  }

  async function accept(ws: WebSocket, req: IncomingMessage, roomId: string) {
    alive.add(ws);
    ws.on("pong", () => alive.add(ws));
    ws.on("error", (error) => log(`socket error: ${error.message}`));
    // Frames that arrive while we authenticate wait here (a bounded number); nothing is read or sent before the checks pass.
    const early: RawData[] = [];
    let onFrame = (data: RawData) => {
      early.push(data);
      if (early.length > 64) close(ws, new CloseError(CloseCode.TooManyRequests, "too many messages before the room opened"));
    };
    ws.on("message", (data) => onFrame(data));

    let ticket: Ticket | null = null;
    ws.on("close", () => ticket?.giveBack());

    let room: Room;
    let conn: Connection | undefined;
    try {
      checkOrigin(req, allowedOrigins);
      // Only the cookie is kept for re-checks, not the whole request (headers, socket) for the connection's life.
      const cookie = req.headers.cookie;
      let counted = false;
      const admit = async () => {
        const user = await authenticate(cookie, sessions, reads);
        if (!counted) {
          // Once per connection (re-checks run this again), before the room is looked up.
          if (ws.readyState !== WebSocket.OPEN) throw new CloseError(CloseCode.GoingAway, "closed while being checked");
          counted = true;
          ticket = await connectionCounts.take(user.id, limits.connectionsPerUser);
          if (!ticket) throw new CloseError(CloseCode.TooManyRequests, "too many open connections; close some tabs");
          // Closed while its place was being taken: the close handler above has already run.
          if (ws.readyState !== WebSocket.OPEN) ticket.giveBack();
        }
        const access = await authorizeRoomWith(reads, roomId, user.id).catch((error: unknown) => {
          if (!(error instanceof AppError)) throw error;
          const code = error.code === AppErrorCode.NotFound ? CloseCode.RoomNotFound : CloseCode.Forbidden;
          throw new CloseError(code, error.message);
        });
        return { user, access };
      };
      const { user, access } = await connections.checkUntilSettled(admit);
      let readOnly = access.readOnly;
      // From an archive on, this connection writes nothing: frames already on their way are refused too.
      const closeArchived = (reason: string) => {
        readOnly = true;
        if (conn) conn.readOnly = true;
        close(ws, new CloseError(CloseCode.Archived, reason));
      };
      // Registered with nothing awaited since the checks, so a removal, sign-out or archive from now on closes it.
      const forget = connections.add({
        userId: user.id,
        roomId,
        seminarId: access.room.seminarId,
        sessionVersion: user.sessionVersion,
        close: (code, reason) => (code === CloseCode.Archived ? closeArchived(reason) : close(ws, new CloseError(code, reason))),
        recheck: () =>
          admit().then(
            (again) => {
              // An archive this server missed: the connection was writable, and its page shows write controls.
              if (again.access.readOnly && !readOnly) closeArchived("the seminar was archived: it is read-only now");
            },
            (error: unknown) => {
              if (!(error instanceof CloseError)) throw error;
              close(ws, error);
            },
          ),
      });
      ws.once("close", forget);
      if (ws.readyState !== WebSocket.OPEN) forget();
      // Members join and tags are added while a room is loaded; refresh what mentions and tags are checked against.
      const facts = access.room.seminarId ? await reads.seminarFacts(access.room.seminarId) : null;
      // An empty room may be unloaded while we wait for it; from the check on, nothing awaits until join().
      do room = await openRoom(access.room);
      while (room.destroyed);
      if (facts) room.setSeminarFacts(facts);
      const presence = new TokenBucket(limits.presencePerSecond, limits.presenceBurst);
      conn = newConnection(
        { id: user.id, name: user.name, role: access.role },
        (message) => {
          if (ws.readyState !== WebSocket.OPEN) return;
          if (ws.bufferedAmount > limits.sendBuffer) return close(ws, new CloseError(CloseCode.TooSlow, "the connection fell too far behind"));
          ws.send(message);
        },
        () => presence.take(),
      );
      conn.readOnly = readOnly;
    } catch (error) {
      return close(ws, error);
    }
    if (ws.readyState !== WebSocket.OPEN) return;

    ws.on("close", () => {
      room.leave(conn);
      if (room.connections.size === 0) scheduleUnload(roomId, room);
    });
    room.join(conn);
    onFrame = frameHandler(ws, room, conn);
    early.splice(0).forEach((data) => onFrame(data));
  }

  return {
    handleUpgrade(req, socket, head) {
      // Nothing a request carries may throw out of here: an unanswered upgrade would keep its socket open.
      // Not a closure: one here would share this call's scope with the callback below and keep the request alive.
      socket.on("error", destroySocket);
      try {
        const target = roomIdOfUpgrade(req.url);
        if (!target.ok) return refuseUpgrade(socket, target.status, target.message);
        wss.handleUpgrade(req, socket, head, (ws) => void accept(ws, req, target.roomId));
      } catch (error) {
        log(`upgrade failed: ${String(error)}`);
        refuseUpgrade(socket, 500, "The server could not open this connection.");
      }
    },
    async close() {
      clearInterval(heartbeat);
      clearRoomWriter(writeToRoom);
      await accessEvents?.close();
      for (const ws of wss.clients) ws.close(CloseCode.GoingAway, "server shutting down");
      const loaded = await Promise.allSettled(rooms.values());
      for (const result of loaded) {
        if (result.status !== "fulfilled") continue;
        await result.value.settle();
        result.value.destroy();
      }
      rooms.clear();
      wss.close();
      await bus?.close();
      await connectionCounts.close();
      await sql.end();
      await copySql.end();
    },
    rooms: () => rooms.size,
    ready: Promise.all([accessEvents?.ready, warmed]).then(() => undefined),
  };
}

function destroySocket(this: Duplex): void {
  this.destroy();
}

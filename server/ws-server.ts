/**
 * The websocket side of Gloss: y-websocket protocol on /ws/<roomId>. Reads like a list of hooks: answer the
 * upgrade; then, for each socket (live-socket.ts), check origin, authenticate, find the room, load it, and
 * check/apply/persist/broadcast each message within the connection's limits; unload the room when its last
 * reader leaves.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import { connectionStringOf, type Db } from "../lib/db/client.server";
import { CloseCode } from "../lib/live/wire";
import { findRoom, type RoomRecord } from "../lib/rooms/find-room.server";
import { clearRoomWriter, setRoomWriter, type RoomWriter } from "../lib/rooms/room-writer";
import { listenForAccessEvents } from "./access-events";
import { CloseError } from "./close-error";
import { connectionReads } from "./connection-reads";
import { DecodedSessions } from "./decoded-sessions";
import { DEFAULT_LIMITS, type Limits } from "./limits";
import { LiveSocket, type SocketServices } from "./live-socket";
import { OpenConnections } from "./open-connections";
import { Room } from "./room";
import { connectRoomBus } from "./room-bus";
import { localConnectionCounts, redisConnectionCounts } from "./connection-counts";
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
        onEvent: (event) => {
          if (event.type === "essay-revised") return void refreshParagraphs(event.essayId);
          connections.apply(event);
        },
        onResync: () => void connections.recheckAll(),
        log,
      })
    : null;

  /** Loaded rooms on a revised essay: their records read again, so the checks know its new paragraphs. */
  async function refreshParagraphs(essayId: string) {
    for (const [roomId, loading] of rooms) {
      const room = await loading.catch(() => null);
      if (!room || room.destroyed || room.record.essayId !== essayId) continue;
      const fresh = await findRoom(db, roomId).catch(() => null);
      if (fresh) room.addParagraphIds(fresh.paragraphIds);
      room.announceRevision(Date.now());
    }
  }

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

  const services: SocketServices = {
    allowedOrigins,
    limits,
    sessions,
    reads,
    connectionCounts,
    connections,
    openRoom,
    emptied: scheduleUnload,
    close,
  };

  function accept(ws: WebSocket, req: IncomingMessage, roomId: string) {
    alive.add(ws);
    ws.on("pong", () => alive.add(ws));
    ws.on("error", (error) => log(`socket error: ${error.message}`));
    void new LiveSocket(ws, req.headers.cookie, roomId, services).open(req);
  }

  return {
    handleUpgrade(req, socket, head) {
      // Nothing a request carries may throw out of here: an unanswered upgrade would keep its socket open.
      // Not a closure: one here would share this call's scope with the callback below and keep the request alive.
      socket.on("error", destroySocket);
      try {
        const target = roomIdOfUpgrade(req.url);
        if (!target.ok) return refuseUpgrade(socket, target.status, target.message);
        wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req, target.roomId));
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

/**
 * The HTTP side of a websocket upgrade: which room a request asks for, and a plain HTTP answer for requests
 * that are not upgraded. A request the server will not serve is always answered and its socket closed, so
 * malformed requests cannot pile up open sockets.
 */
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { ROOM_ID, WS_PATH_PREFIX } from "../lib/live/wire";

export type UpgradeTarget = { ok: true; roomId: string } | { ok: false; status: number; message: string };

export function roomIdOfUpgrade(url: string | undefined): UpgradeTarget {
  let path: string;
  try {
    path = new URL(url ?? "/", "http://localhost").pathname;
  } catch {
    return { ok: false, status: 400, message: "The request's address is not valid." };
  }
  if (!path.startsWith(WS_PATH_PREFIX)) return { ok: false, status: 404, message: "Nothing is served here." };
  let roomId: string;
  try {
    roomId = decodeURIComponent(path.slice(WS_PATH_PREFIX.length));
  } catch {
    return { ok: false, status: 400, message: "The room's name is not valid percent-encoding." };
  }
  if (!ROOM_ID.test(roomId)) return { ok: false, status: 404, message: "There is no such room." };
  return { ok: true, roomId };
}

/** Answers an upgrade request with an HTTP error and closes its socket. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.writable) {
    const body = `${message}\n`;
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\n` +
        "Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n" +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  // A peer that never reads the answer must not keep the socket either.
  setTimeout(() => socket.destroy(), 1000).unref();
}

/**
 * The websocket contract between the browser client (lib/client/connect-room.ts) and the server (server/):
 * where rooms are served, the y-websocket message types, and the close codes with what each asks of the
 * client. Both ends import it, so neither copies a number by hand.
 */

/** Rooms are served at `${WS_PATH_PREFIX}<roomId>` on the pages' own origin. */
export const WS_PATH_PREFIX = "/ws/";

/** A room id as the server accepts it: essay id, a dot, and the seminar id, "open" or "u-<userId>". */
export const ROOM_ID = /^[A-Za-z0-9_.-]{1,128}$/;

/** The y-websocket message types (the first varUint of every frame). */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
/** The y-protocols sync steps (the second varUint of a Sync message). */
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const;

/**
 * Codes the server closes a connection with. 4000-4999 are free for applications (RFC 6455); the last three
 * digits follow the matching HTTP status so they read at a glance in logs and client code.
 */
export const CloseCode = {
  /** The frame could not be decoded as a y-websocket message, or a Yjs update was not a valid update. */
  MalformedMessage: 4400,
  /** No valid session came with the upgrade request, or the session has been signed out since. */
  Unauthenticated: 4401,
  /** The Origin is not allowed, or the user may not open this room (never was, or was removed). */
  Forbidden: 4403,
  /** The room (essay x seminar) does not exist. */
  RoomNotFound: 4404,
  /** The connection did not read what it was sent fast enough; its buffer passed the bound. */
  TooSlow: 4408,
  /** The user's entries in this room passed the size a person may add to one room. */
  QuotaExceeded: 4413,
  /** An update tried a write the user may not make (see lib/doc/permissions.ts); nothing of it was applied. */
  UpdateRefused: 4422,
  /**
   * The room's seminar is archived (423 Locked): it can be read, not written. Sent when a read-only connection
   * tries to change anything, and to every connection on the seminar's rooms the moment it is archived; the
   * page then reloads read-only.
   */
  Archived: 4423,
  /** Too many connections for one user, or too many messages or bytes per second on this one. */
  TooManyRequests: 4429,
  /** ws closes with 1009 itself when a frame exceeds the largest accepted payload. */
  MessageTooBig: 1009,
  /** The server is shutting down; the client should reconnect. */
  GoingAway: 1001,
  /** Something failed on the server; the client should reconnect. */
  InternalError: 1011,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Closes after which reconnecting cannot help: the session or the access is gone, the room became read-only,
 * or the server refused what this client sent and would be sent the same bytes again. The others (too slow, too many requests,
 * going away, server error) are followed by a reconnect with back-off.
 */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.MalformedMessage,
  CloseCode.Unauthenticated,
  CloseCode.Forbidden,
  CloseCode.RoomNotFound,
  CloseCode.QuotaExceeded,
  CloseCode.UpdateRefused,
  CloseCode.Archived,
  CloseCode.MessageTooBig,
]);

export function isFinalClose(code: number): boolean {
  return FINAL_CLOSE_CODES.has(code);
}

/**
 * Close codes the websocket server ends a connection with. 4000-4999 are free for applications (RFC 6455);
 * the last three digits follow the matching HTTP status so they read at a glance in logs and client code.
 * The browser client treats 4401, 4403 and 4404 as final (no reconnect).
 */
export const CloseCode = {
  /** The frame could not be decoded as a y-websocket message, or a Yjs update was not a valid update. */
  MalformedMessage: 4400,
  /** No valid next-auth session cookie came with the upgrade request. */
  Unauthenticated: 4401,
  /** The Origin is not allowed, or the user may not open this room. */
  Forbidden: 4403,
  /** The room (essay x seminar) does not exist. */
  RoomNotFound: 4404,
  /** An update tried a write the user may not make (see lib/doc/permissions.ts); nothing of it was applied. */
  UpdateRefused: 4422,
  /** ws closes with 1009 itself when a frame exceeds maxPayload; named here for tests and clients. */
  MessageTooBig: 1009,
  /** The server is shutting down; the client should reconnect. */
  GoingAway: 1001,
  /** Something failed on the server; the client should reconnect. */
  InternalError: 1011,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

export class CloseError extends Error {
  constructor(
    readonly code: CloseCodeValue,
    message: string,
  ) {
    super(message);
  }
}

import type { IncomingMessage } from "node:http";
import type { Writer } from "../lib/doc/permissions";
import { CloseCode } from "../lib/live/wire";
import { CloseError } from "./close-error";
import type { ConnectionReads } from "./connection-reads";
import type { DecodedSessions } from "./decoded-sessions";

/**
 * Browsers always send Origin on a websocket upgrade and let any page open one, with our cookies. Accepting
 * only our own origin (the Host the request came to, or a configured list) stops other sites from reading
 * a room through a visitor's session.
 */
export function checkOrigin(req: IncomingMessage, allowedOrigins: readonly string[]): void {
  const origin = req.headers.origin;
  if (!origin) throw new CloseError(CloseCode.Forbidden, "missing Origin");
  const host = req.headers.host;
  const sameOrigin = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
  if (!sameOrigin && !allowedOrigins.includes(origin)) throw new CloseError(CloseCode.Forbidden, "Origin not allowed");
}

/**
 * The session's user, with the name from the database (never from the client), and the session version the
 * cookie carries: a cookie from before the user last signed out is refused like none. The row is read for every
 * connection; only the cookie's decryption is kept (server/decoded-sessions.ts).
 */
export async function authenticate(
  cookieHeader: string | undefined,
  sessions: DecodedSessions,
  reads: Pick<ConnectionReads, "sessionUser">,
): Promise<Writer & { email: string; sessionVersion: number }> {
  const claims = await sessions.decode(cookieHeader);
  const user = claims && (await reads.sessionUser(claims));
  if (!user) throw new CloseError(CloseCode.Unauthenticated, "sign in to join this room");
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

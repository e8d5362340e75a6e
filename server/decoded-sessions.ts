/**
 * Session cookies decrypted once rather than on every connection: next-auth's token costs a key derivation (HKDF)
 * and an AES-GCM decryption, a sixth of the server's CPU while 200 readers connect at once (bench/profile-notes.md),
 * and a page opens a connection per room and another on every reconnect.
 *
 * What a token says is fixed by the token and the secret, so a kept answer is the answer decrypting again would
 * give, until the token expires: an entry lives until the token's own expiry, and at most `ttlMs`. Whether the
 * session is still current (signed out since, account gone) is not kept here: the user row is read for every
 * connection (server/authenticate.ts). Entries are keyed by a hash of the Cookie header, the map is bounded
 * (oldest dropped first), and a cookie that decodes to nothing is not kept, so a forger costs what they cost before.
 */
import { createHash } from "node:crypto";
import { sessionFromCookie, type DecodedSession } from "../lib/auth/session-cookie.server";

export type DecodedSessionsOptions = {
  secret: string;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
  /** How a cookie is decoded when it is not kept (tests count the calls). */
  decode?: typeof sessionFromCookie;
};

export class DecodedSessions {
  private readonly entries = new Map<string, { session: DecodedSession; until: number }>();
  private readonly secret: string;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly decodeCookie: typeof sessionFromCookie;

  constructor({ secret, ttlMs = 5 * 60_000, maxEntries = 10_000, now = Date.now, decode = sessionFromCookie }: DecodedSessionsOptions) {
    this.secret = secret;
    this.decodeCookie = decode;
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
    this.now = now;
  }

  async decode(cookieHeader: string | undefined): Promise<DecodedSession | null> {
    if (!cookieHeader) return null;
    const key = createHash("sha256").update(cookieHeader).digest("base64");
    const kept = this.entries.get(key);
    const now = this.now();
    if (kept && kept.until > now) return kept.session;
    this.entries.delete(key);
    const session = await this.decodeCookie(cookieHeader, this.secret);
    if (!session) return null;
    const until = Math.min(now + this.ttlMs, session.expiresAt ?? Infinity);
    if (until <= now) return session;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { session, until });
    return session;
  }
}

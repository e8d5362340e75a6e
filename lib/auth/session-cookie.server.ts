import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { SessionClaims } from "./find-session-user.server";

/**
 * The key next-auth v4 encrypts its session token with: HKDF-SHA256 of the secret, with an empty salt and this info,
 * 32 bytes (next-auth/jwt's getDerivedEncryptionKey). Its `decode` derives the key again on every call, about half a
 * millisecond of CPU, a sixth of what a connection cost when 200 readers connect at once (bench/profile-notes.md);
 * here it is derived once per secret. sessions.test.ts decodes what next-auth's own `encode` made, so a change in
 * how next-auth derives it fails there.
 */
let derived: { secret: string; key: Uint8Array } | null = null;

function tokenKey(secret: string): Uint8Array {
  if (derived?.secret !== secret) derived = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32)) };
  return derived.key;
}

// next-auth v4 names its cookie by whether the site is served over https.
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** A session cookie's claims, and when its token expires (ms since the epoch; null when it does not say). */
export type DecodedSession = SessionClaims & { expiresAt: number | null };

/**
 * The user id and session version in a request's next-auth session cookie, or null when absent, forged or
 * expired. Whether the version is still current is the database's to say (findSessionUser).
 */
export async function sessionFromCookie(cookieHeader: string | undefined, secret: string): Promise<DecodedSession | null> {
  if (!cookieHeader) return null;
  for (const name of COOKIE_NAMES) {
    const token = readCookie(cookieHeader, name);
    if (!token) continue;
    try {
      // As next-auth's `decode` does it, with its key derived once.
      const { payload } = await jwtDecrypt(token, tokenKey(secret), { clockTolerance: 15 });
      // Tokens issued before session versions existed carry none; they count as the first version.
      if (payload.sub) {
        const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : null;
        const sessionVersion = typeof payload.sessionVersion === "number" ? payload.sessionVersion : 0;
        return { userId: payload.sub, sessionVersion, expiresAt };
      }
    } catch {
      // A forged or stale cookie is the same as none.
    }
  }
  return null;
}

import { decode } from "next-auth/jwt";
import type { SessionClaims } from "./find-session-user.server";

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
      const payload = await decode({ token, secret });
      // Tokens issued before session versions existed carry none; they count as the first version.
      if (payload?.sub) {
        const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : null;
        return { userId: payload.sub, sessionVersion: payload.sessionVersion ?? 0, expiresAt };
      }
    } catch {
      // A forged or stale cookie is the same as none.
    }
  }
  return null;
}

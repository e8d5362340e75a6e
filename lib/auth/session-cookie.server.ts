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

/**
 * The user id and session version in a request's next-auth session cookie, or null when absent, forged or
 * expired. Whether the version is still current is the database's to say (findSessionUser).
 */
export async function sessionFromCookie(cookieHeader: string | undefined, secret: string): Promise<SessionClaims | null> {
  if (!cookieHeader) return null;
  for (const name of COOKIE_NAMES) {
    const token = readCookie(cookieHeader, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      // Tokens issued before session versions existed carry none; they count as the first version.
      if (payload?.sub) return { userId: payload.sub, sessionVersion: payload.sessionVersion ?? 0 };
    } catch {
      // A forged or stale cookie is the same as none.
    }
  }
  return null;
}

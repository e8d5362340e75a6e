import { decode } from "next-auth/jwt";

// next-auth v4 names its cookie by whether the site is served over https.
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The user id in a request's next-auth session cookie, or null when absent, forged or expired. */
export async function userIdFromCookie(cookieHeader: string | undefined, secret: string): Promise<string | null> {
  if (!cookieHeader) return null;
  for (const name of COOKIE_NAMES) {
    const token = readCookie(cookieHeader, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      if (payload?.sub) return payload.sub;
    } catch {
      // A forged or stale cookie is the same as none.
    }
  }
  return null;
}

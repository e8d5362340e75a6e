/**
 * Runs before every page, action and route handler: gives the response Gloss's security headers
 * (lib/security/security-headers.ts) with a fresh CSP nonce. The policy also goes on the request, where Next.js
 * reads the nonce and puts it on the scripts it renders, so every page must render per request (they do: each
 * reads the session).
 */
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, securityHeaders } from "./lib/security/security-headers";

export function proxy(request: NextRequest) {
  const headers = securityHeaders({ nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the build's static files, which are not documents and carry no inline script.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

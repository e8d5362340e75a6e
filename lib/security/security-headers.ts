/**
 * The security headers every page is sent with (applied by proxy.ts), in one place so they can be read and tested
 * together. The Content-Security-Policy allows scripts only with this response's nonce (Next.js puts it on its
 * own scripts), nothing from other sites, and no framing; the live websocket is same-origin, which 'self' covers.
 */
export type SecurityHeaderOptions = {
  /** Fresh per request, unguessable; base64. */
  nonce: string;
  /** `next dev` needs eval for React's debugging and injects styles without a nonce; a production build needs neither. */
  dev: boolean;
};

export function contentSecurityPolicy({ nonce, dev }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load (Next's chunks) are trusted; host allow-lists are ignored.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // A nonce makes browsers ignore 'unsafe-inline', so development gets the latter alone.
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Same-origin fetches and the room websockets (ws:/wss: on this host and port match 'self').
    "connect-src 'self'",
    // The offline service worker (public/sw.js); 'strict-dynamic' in script-src would otherwise leave it no source.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    // Invite links carry their code in the path: other sites get only our origin, never the page's address.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // frame-ancestors for browsers that predate it.
    "X-Frame-Options": "DENY",
  };
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

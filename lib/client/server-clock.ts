/**
 * This page's estimate of the server's clock. The server refuses entries timed more than a minute past its
 * own clock (lib/doc/permissions.ts), and a laptop's clock can be off by more than that; so times written from
 * this page are the local clock plus an offset measured against the server each time a room connects.
 */
let offset = 0;

export function serverNow(): number {
  return Date.now() + offset;
}

/** Measures the offset from /api/health, which answers with the server's time; keeps the old one on failure. */
export async function syncServerClock(): Promise<void> {
  try {
    const sent = Date.now();
    const response = await fetch("/api/health", { cache: "no-store" });
    const received = Date.now();
    const { now } = (await response.json()) as { now?: unknown };
    if (typeof now === "number") offset = now - (sent + received) / 2;
  } catch {
    // Offline or the server is restarting: the connection will retry, and so will this.
  }
}

/**
 * Decides which address a request came from and stamps it on the request for Next.js (CLIENT_ADDRESS_HEADER),
 * overwriting anything the client sent under that name. X-Forwarded-For is believed only as far as the operator
 * said proxies stand in front of Gloss (GLOSS_TRUST_PROXY): each trusted proxy appends the address it saw, so
 * the entry that many places from the right is the client's; anything further left is the client's own claim.
 */
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { CLIENT_ADDRESS_HEADER } from "../lib/http/client-address-header";

/** GLOSS_TRUST_PROXY: unset or 0 for none, else how many proxies stand in front of Gloss. */
export function parseTrustedProxies(value: string | undefined): number {
  if (value === undefined || value === "") return 0;
  if (!/^\d{1,2}$/.test(value)) throw new Error(`GLOSS_TRUST_PROXY must be the number of proxies in front of Gloss (0, 1, 2…), not "${value}"`);
  return Number(value);
}

export function clientAddressOf(req: IncomingMessage, trustedProxies: number): string {
  const socket = req.socket.remoteAddress ?? "unknown";
  if (trustedProxies === 0) return socket;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((hop) => hop.trim()).filter(Boolean);
  if (hops.length === 0) return socket;
  // Fewer entries than proxies: the request entered the chain part-way, and the leftmost entry is still one
  // a trusted proxy wrote.
  const hop = hops[Math.max(0, hops.length - trustedProxies)]!;
  return isIP(hop) ? hop : socket;
}

export function stampClientAddress(req: IncomingMessage, trustedProxies: number): void {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, trustedProxies);
}

/**
 * Fetches the web page an instructor named, without letting the address reach inside Gloss's own network.
 *
 * - http and https only, no user names or passwords in the address.
 * - The host is resolved here, every address it resolves to must be public (public-address.ts), and the connection
 *   goes to an address that was checked: a name cannot resolve to a public address for the check and a private one
 *   for the connection (DNS rebinding). The checked addresses are tried in turn until one accepts the connection, as
 *   a browser would, so a site whose first address is down (often its IPv6 one) is still read.
 * - Redirects are followed by hand, at most MAX_REDIRECTS, each new address checked the same way.
 * - One deadline for the whole fetch, redirects included; the body is read up to PAGE_MAX_BYTES and no further,
 *   whatever Content-Length claimed.
 * - Only HTML and plain text are read; anything else is refused with what to do instead. The text is decoded as a
 *   browser would (decode-page.ts), so a page that names its encoding only in a <meta> reads right.
 *
 * `allowHost` lets tests fetch from a server they start on 127.0.0.1: the hosts it accepts skip the public-address
 * rule; `resolve` lets them answer for DNS. Nothing in the app passes either.
 */
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { AppError, AppErrorCode } from "../../errors/app-error";
import { decodePage } from "./decode-page";
import { FETCH_TIMEOUT_MS, MAX_REDIRECTS, megabytes, PAGE_MAX_BYTES } from "./limits";
import { isPublicAddress } from "./public-address";

export type FetchedPage = { url: string; kind: "html" | "text"; body: string };
export type ResolvedAddress = { address: string; family: number };
export type FetchWebPageOptions = {
  allowHost?: (hostname: string) => boolean;
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  timeoutMs?: number;
  maxBytes?: number;
};

// How long one address may take to accept the connection when another is left to try; the last one has what remains
// of the whole fetch's time.
const CONNECT_ATTEMPT_MS = 3000;

const refuse = (message: string) => new AppError(AppErrorCode.InvalidInput, message);

export const ADDRESS_INVALID = "That is not a web address. Enter the page's full address, starting with https://.";
export const ADDRESS_PRIVATE =
  "That address points inside a private network or at this server itself, which Gloss does not fetch. Use the page's public address, or save the page and upload the file.";

function parseAddress(address: string): URL {
  const url = URL.canParse(address.trim()) ? new URL(address.trim()) : null;
  if (!url) throw refuse(ADDRESS_INVALID);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw refuse("Only web addresses (http:// or https://) can be fetched.");
  if (url.username || url.password) throw refuse("Addresses with a user name or password in them cannot be fetched. Remove them and try again.");
  return url;
}

const systemResolve = (hostname: string) => lookup(hostname, { all: true });

/** The addresses to connect to for `url`'s host, in the resolver's order, after checking every one of them. */
async function checkedAddresses(url: URL, { allowHost, resolve = systemResolve }: FetchWebPageOptions): Promise<ResolvedAddress[]> {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(hostname);
  } catch {
    throw refuse(`Could not find the site “${url.hostname}”. Check the address for typing mistakes.`);
  }
  if (addresses.length === 0) throw refuse(`Could not find the site “${url.hostname}”. Check the address for typing mistakes.`);
  // One private answer is enough to refuse, before any connection: trying the public ones first and the private one
  // when they fail would let a site whose public address refuses connections reach inside.
  if (!allowHost?.(hostname) && !addresses.every(({ address }) => isPublicAddress(address))) throw refuse(ADDRESS_PRIVATE);
  return addresses;
}

type Response = { status: number; location: string | null; contentType: string; body?: Buffer };

/** The connection to one address was never made, so the next may be tried; nothing was sent. */
class NotConnected extends Error {}

function request(url: URL, pinned: ResolvedAddress, signal: AbortSignal, maxBytes: number, connectTimeoutMs?: number): Promise<Response> {
  // Whatever the socket asks for, it gets the address that was checked.
  const pinnedLookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      // No shared agent: a pooled keep-alive socket to the same host name may lead to another of its addresses.
      { lookup: pinnedLookup, agent: false, signal, headers: { accept: "text/html,application/xhtml+xml,text/plain;q=0.9", "user-agent": "Gloss essay import" } },
      (res) => {
        const status = res.statusCode ?? 0;
        const contentType = String(res.headers["content-type"] ?? "").toLowerCase();
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          resolve({ status, location: res.headers.location, contentType });
          return;
        }
        if (status >= 400 || !isReadable(contentType)) {
          res.resume();
          resolve({ status, location: null, contentType });
          return;
        }
        if (Number(res.headers["content-length"]) > maxBytes) {
          res.destroy();
          reject(refuse(tooLarge(maxBytes)));
          return;
        }
        const parts: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > maxBytes) {
            res.destroy();
            reject(refuse(tooLarge(maxBytes)));
          } else parts.push(chunk);
        });
        res.on("end", () => resolve({ status, location: null, contentType, body: Buffer.concat(parts) }));
        res.on("error", reject);
      },
    );
    let connected = false;
    req.on("socket", (socket) => {
      const timer = connectTimeoutMs === undefined ? undefined : setTimeout(() => req.destroy(), connectTimeoutMs);
      socket.once("connect", () => {
        connected = true;
        clearTimeout(timer);
      });
      socket.once("close", () => clearTimeout(timer));
    });
    req.on("error", (error) => reject(connected ? error : new NotConnected(error.message)));
  });
}

/** The response from the first of the checked addresses that accepts a connection. */
async function requestAny(url: URL, addresses: ResolvedAddress[], signal: AbortSignal, maxBytes: number): Promise<Response> {
  for (const [i, address] of addresses.entries()) {
    const isLast = i === addresses.length - 1;
    try {
      return await request(url, address, signal, maxBytes, isLast ? undefined : CONNECT_ATTEMPT_MS);
    } catch (error) {
      if (isLast || signal.aborted || !(error instanceof NotConnected)) throw error;
    }
  }
  throw new NotConnected("no address");
}

const tooLarge = (maxBytes: number) => `The page is larger than ${megabytes(maxBytes)}, more than an essay. Save the essay's text and paste or upload it instead.`;
const isHtml = (contentType: string) => /^(text\/html|application\/xhtml\+xml)\b/.test(contentType);
const isReadable = (contentType: string) => isHtml(contentType) || /^text\/plain\b/.test(contentType);

function refusalFor(response: Response, url: URL): AppError {
  if (response.status >= 400) return refuse(`The site answered “${response.status} ${http.STATUS_CODES[response.status] ?? "error"}” for that address. Check the address, or open it in a browser.`);
  if (response.contentType.startsWith("application/pdf")) return refuse("That address is a PDF file, not a web page. Download it and upload the file instead.");
  return refuse(`${url.hostname} answered with something other than a web page (${response.contentType.split(";")[0] || "no type"}). Gloss reads web pages and plain text.`);
}

export async function fetchWebPage(address: string, { timeoutMs = FETCH_TIMEOUT_MS, maxBytes = PAGE_MAX_BYTES, ...resolving }: FetchWebPageOptions = {}): Promise<FetchedPage> {
  let url = parseAddress(address);
  const signal = AbortSignal.timeout(timeoutMs);
  for (let redirects = 0; ; redirects++) {
    const addresses = await checkedAddresses(url, resolving);
    let response: Response;
    try {
      response = await requestAny(url, addresses, signal, maxBytes);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (signal.aborted) throw refuse(`The site did not send the page within ${Math.ceil(timeoutMs / 1000)} seconds. Try again later, or save the page and upload the file.`);
      throw refuse(`Could not connect to ${url.hostname}. Check the address, or try again later.`);
    }
    if (response.location !== null) {
      if (redirects >= MAX_REDIRECTS) throw refuse(`The address sent Gloss on to another address more than ${MAX_REDIRECTS} times. Open it in a browser and use the address the page ends up at.`);
      url = parseAddress(URL.canParse(response.location, url) ? new URL(response.location, url).href : "");
      continue;
    }
    if (!response.body) throw refusalFor(response, url);
    return { url: url.href, kind: isHtml(response.contentType) ? "html" : "text", body: decodePage(response.body, { contentType: response.contentType, html: isHtml(response.contentType) }) };
  }
}

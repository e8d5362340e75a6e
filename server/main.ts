/**
 * Gloss's single process: pages (Next.js) and live rooms (websocket on /ws/) on one origin, so the session
 * cookie reaches both and the CSP stays simple. GLOSS_WS_ONLY=1 serves only the websocket, for running
 * extra websocket instances or tests.
 */
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { boot } from "./boot";
import { WS_PATH_PREFIX } from "../lib/live/wire";
import { cleanThrottles } from "../lib/security/clean-throttles.server";
import { parseTrustedProxies, stampClientAddress } from "./client-address";
import { startAssignmentReminders } from "./assignment-reminders";
import { holdServerLock } from "../lib/db/live-server-lock.server";
import { createWsServer } from "./ws-server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? "0.0.0.0",
  dev: process.env.NODE_ENV !== "production",
  wsOnly: process.env.GLOSS_WS_ONLY === "1",
  dataDir: path.resolve(root, process.env.GLOSS_DATA_DIR ?? ".data"),
  allowedOrigins: (process.env.GLOSS_ALLOWED_ORIGINS ?? "").split(",").filter(Boolean),
  trustedProxies: parseTrustedProxies(process.env.GLOSS_TRUST_PROXY),
};
const log = (message: string) => console.log(`[gloss] ${message}`);
process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // Gloss itself calls no outside host

const booted = await boot({ dataDir: env.dataDir, log });
// next-auth v4 takes the site's address from the Host header when it is told to trust it.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

// Tells `npm run import` that rooms may be loaded here (lib/db/live-server-lock.server.ts).
const releaseServerLock = await holdServerLock(booted.databaseUrl);
const ws = createWsServer({ db: booted.db, secret: booted.secret, allowedOrigins: env.allowedOrigins, databaseUrl: booted.databaseUrl, redisUrl: process.env.REDIS_URL || undefined });
const stopReminders = startAssignmentReminders(booted.db, log);
let handleRequest: ((req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown) | null = null;
let handleNextUpgrade: ((req: import("node:http").IncomingMessage, socket: import("node:stream").Duplex, head: Buffer) => unknown) | null = null;
if (!env.wsOnly) {
  const { default: next } = await import("next");
  // Next builds absolute URLs (server-action redirects) from these; without them it assumes localhost:3000.
  const app = next({ dev: env.dev, dir: root, hostname: env.host, port: env.port });
  await app.prepare();
  handleRequest = app.getRequestHandler();
  handleNextUpgrade = app.getUpgradeHandler();
}

const server = createServer((req, res) => {
  if (req.url === "/api/health") {
    // `now` lets pages measure how far their clock is from the server's (lib/client/server-clock.ts).
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify({ ok: true, rooms: ws.rooms(), now: Date.now() }));
    return;
  }
  if (!handleRequest) return void res.writeHead(404).end();
  // Before Next sees the request, so rate limits count the real client, never an address it made up.
  stampClientAddress(req, env.trustedProxies);
  void handleRequest(req, res);
});
server.on("upgrade", (req, socket, head) => {
  // Next's dev server reloads pages over its own websocket; every other upgrade is ours to answer.
  if (handleNextUpgrade && !req.url?.startsWith(WS_PATH_PREFIX)) void handleNextUpgrade(req, socket, head);
  else ws.handleUpgrade(req, socket, head);
});
server.listen(env.port, env.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.port;
  // Tests read this line to find a server started on port 0.
  console.log(`Gloss is listening on http://localhost:${port}`);
});

// Throttle rows of keys not seen for a while decide nothing any more; every instance may sweep, it is one DELETE.
const sweepThrottles = setInterval(() => {
  cleanThrottles(booted.db).catch((error: unknown) => log(`cleaning throttles failed: ${String(error)}`));
}, 60 * 60_000);
sweepThrottles.unref();

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: saving rooms and stopping`);
  stopReminders();
  server.close();
  await ws.close();
  await releaseServerLock();
  await booted.shutdown();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

/**
 * Gloss's websocket server in a process of its own, as server/main.ts runs it with GLOSS_WS_ONLY (same
 * createWsServer, same database, same LISTEN for losses of access) but with the per-connection rate limits
 * raised: the benchmark's writer sends far more than one reader may (30 updates/s), and the question here is
 * what the server costs, not whether the limit holds. Every update is still checked, stored, then broadcast.
 * Started by gloss.ts with DATABASE_URL and NEXTAUTH_SECRET set; for several instances of one site, also with
 * REDIS_URL (their fan-out) and GLOSS_ALLOWED_ORIGINS (the site's origin, as server/main.ts reads it).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createDb } from "../../../lib/db/client.server";
import { createWsServer } from "../../../server/ws-server";

const databaseUrl = process.env.DATABASE_URL!;
const redisUrl = process.env.REDIS_URL || undefined;
const db = createDb(databaseUrl);
const ws = createWsServer({
  db,
  secret: process.env.NEXTAUTH_SECRET!,
  databaseUrl,
  allowedOrigins: (process.env.GLOSS_ALLOWED_ORIGINS ?? "").split(",").filter(Boolean),
  log: () => {},
  limits: { updatesPerSecond: 10_000, updatesBurst: 10_000, bytesPerSecond: 64 * 1024 * 1024, bytesBurst: 64 * 1024 * 1024 },
  redisUrl,
});
await ws.ready;
const http = createServer((_request, response) => response.writeHead(404).end());
http.on("upgrade", (request, socket, head) => ws.handleUpgrade(request, socket, head));
http.listen(0, "127.0.0.1", () => console.log(`listening on port ${(http.address() as AddressInfo).port}`));

process.on("SIGTERM", async () => {
  await ws.close();
  await db.$disconnect();
  process.exit(0);
});

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "../../lib/db/client.server";
import { WS_PATH_PREFIX } from "../../lib/live/wire";
import { createWsServer, type WsServerOptions } from "../../server/ws-server";
import { TEST_SECRET } from "./users";

export type TestServer = {
  port: number;
  origin: string;
  roomUrl: (roomId: string) => string;
  /** Rooms loaded in memory now. */
  rooms: () => number;
  close: () => Promise<void>;
};

/**
 * The real websocket server on a real socket on port 0, without Next.js in front of it. With `databaseUrl` it
 * listens for removals and sign-outs, and is returned once it does.
 */
export async function startTestServer(db: Db, options: Partial<WsServerOptions> = {}): Promise<TestServer> {
  const ws = createWsServer({ db, secret: TEST_SECRET, log: process.env.GLOSS_TEST_LOG ? console.log : () => {}, ...options });
  await ws.ready;
  const http = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (req, socket, head) => ws.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    roomUrl: (roomId) => `ws://127.0.0.1:${port}${WS_PATH_PREFIX}${encodeURIComponent(roomId)}`,
    rooms: () => ws.rooms(),
    async close() {
      await ws.close();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

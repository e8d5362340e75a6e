/** @y/websocket-server 0.1.1 under test: the plain y-websocket protocol, the room named by the URL's path. */
import path from "node:path";
import { plainWire } from "../wire";
import { anonymousRoom } from "./anonymous-room";
import type { BenchServer } from "./bench-server";
import { startChild } from "./child-process";
import { REFERENCES_DIR, installedVersion, placeLauncher } from "./references";

export async function startYWebsocketServer(): Promise<BenchServer> {
  const version = installedVersion("@y/websocket-server");
  if (!version) throw new Error("@y/websocket-server is not installed");
  const launcher = placeLauncher(path.join(import.meta.dirname, "y-websocket-launcher.mjs"));
  const child = await startChild(process.execPath, [launcher], { cwd: REFERENCES_DIR });
  const base = `ws://127.0.0.1:${child.port}`;
  return {
    name: `@y/websocket-server ${version}`,
    wire: plainWire,
    origin: `http://127.0.0.1:${child.port}`,
    room: async (people) => anonymousRoom((id) => `${base}/${encodeURIComponent(id)}`, people),
    rssKb: child.rssKb,
    cpuMs: child.cpuMs,
    stop: child.stop,
  };
}

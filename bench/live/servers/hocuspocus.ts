/**
 * Hocuspocus (latest 4.x) under test. It names the document inside every message, not by the URL, so its
 * clients use `hocuspocusWire` (the same client, framed for it); the URL's path is only for readability.
 */
import path from "node:path";
import { hocuspocusWire } from "../wire";
import { anonymousRoom } from "./anonymous-room";
import type { BenchServer } from "./bench-server";
import { startChild } from "./child-process";
import { REFERENCES_DIR, installedVersion, placeLauncher } from "./references";

export async function startHocuspocusServer(): Promise<BenchServer> {
  const version = installedVersion("@hocuspocus/server");
  if (!version) throw new Error("@hocuspocus/server is not installed");
  const launcher = placeLauncher(path.join(import.meta.dirname, "hocuspocus-launcher.mjs"));
  const child = await startChild(process.execPath, [launcher], { cwd: REFERENCES_DIR, env: { NODE_ENV: "production" } });
  const base = `ws://127.0.0.1:${child.port}`;
  return {
    name: `Hocuspocus ${version}`,
    wire: hocuspocusWire,
    origin: `http://127.0.0.1:${child.port}`,
    room: async (people) => anonymousRoom((id) => `${base}/${encodeURIComponent(id)}`, people),
    rssKb: child.rssKb,
    cpuMs: child.cpuMs,
    stop: child.stop,
  };
}

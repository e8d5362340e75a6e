/**
 * The reference servers, installed into a scratch folder under the system's temporary directory (never the
 * project's dependencies) and kept there between runs. A package that cannot be installed is reported and
 * its server left out; the run goes on.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export const REFERENCES_DIR = process.env.BENCH_REFERENCES_DIR ?? path.join(tmpdir(), "gloss-bench-references");

/** What is installed: pinned as the issue measured (@y/websocket-server 0.1.1) or the latest 4.x (Hocuspocus). */
export const REFERENCE_PACKAGES = ["@y/websocket-server@0.1.1", "@hocuspocus/server@4", "ws@8", "yjs@13"];

export function installedVersion(name: string): string | null {
  const file = path.join(REFERENCES_DIR, "node_modules", name, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : null;
}

let installing: Promise<void> | null = null;

/** Installs the references once per run, unless the cached folder has them all already. */
export function ensureReferences(log: (line: string) => void): Promise<void> {
  installing ??= (async () => {
    const have = ["@y/websocket-server", "@hocuspocus/server", "ws", "yjs"].every((name) => installedVersion(name) !== null);
    if (have && installedVersion("@y/websocket-server") === "0.1.1") return;
    mkdirSync(REFERENCES_DIR, { recursive: true });
    const manifest = path.join(REFERENCES_DIR, "package.json");
    if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: "gloss-bench-references", private: true }));
    log(`installing ${REFERENCE_PACKAGES.join(", ")} into ${REFERENCES_DIR}`);
    try {
      await promisify(execFile)("npm", ["install", "--prefix", REFERENCES_DIR, "--no-audit", "--no-fund", ...REFERENCE_PACKAGES], { timeout: 300_000 });
    } catch (error) {
      log(`could not install the reference servers: ${(error as Error).message.split("\n")[0]}`);
    }
  })();
  return installing;
}

/** Copies a launcher script into the scratch folder, so its bare imports resolve to the packages installed there. */
export function placeLauncher(file: string): string {
  const target = path.join(REFERENCES_DIR, path.basename(file));
  copyFileSync(file, target);
  return target;
}

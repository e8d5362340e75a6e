/**
 * A database for a command-line tool: DATABASE_URL when set; else the embedded PostgreSQL of a Gloss running from
 * this folder (its port is in postmaster.pid); else that embedded PostgreSQL started for the command's duration.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres.server";
import { migrateDatabase } from "./migrate.server";

export async function cliDatabase(dataDir = process.env.GLOSS_DATA_DIR ?? ".data"): Promise<{ url: string; close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, close: async () => {} };
  const pgDir = path.join(dataDir, "postgres");
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
    try {
      process.kill(Number(pid), 0); // still running: the app's own server
      return { url: `postgresql://gloss:gloss@127.0.0.1:${Number(port)}/gloss`, close: async () => {} };
    } catch {
      // A stale file: PostgreSQL is not running; start it below.
    }
  }
  if (!existsSync(path.join(pgDir, "PG_VERSION"))) throw new Error(`No database: set DATABASE_URL, or run Gloss once from this folder so ${pgDir} exists.`);
  const embedded = await startEmbeddedPostgres(pgDir);
  await migrateDatabase(embedded.url);
  return { url: embedded.url, close: embedded.stop };
}

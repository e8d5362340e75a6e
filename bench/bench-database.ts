import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres.server";
import { migrateDatabase } from "../lib/db/migrate.server";
import { databaseUrlWithName } from "../tests/helpers/database-url";

/** A database of its own, dropped afterwards: on DATABASE_URL's server, or an embedded one in a temporary folder. */
export async function benchDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  let server = process.env.DATABASE_URL;
  let stopServer = async () => {};
  if (!server) {
    const dir = mkdtempSync(path.join(tmpdir(), "gloss-bench-pg-"));
    const embedded = await startEmbeddedPostgres(dir, "postgres");
    server = embedded.url;
    stopServer = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const name = `gloss_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrlWithName(server, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = databaseUrlWithName(server, name);
  await migrateDatabase(url);
  return {
    url,
    async close() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await stopServer();
    },
  };
}

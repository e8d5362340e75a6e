/**
 * Everything Gloss needs before it serves a request: a database (the configured one, or an embedded
 * PostgreSQL under the data folder), migrations, seed essays and an auth secret.
 */
import path from "node:path";
import { ensureAuthSecret } from "../lib/auth/secret.server";
import { createDb, type Db } from "../lib/db/client.server";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres.server";
import { migrateDatabase } from "../lib/db/migrate.server";
import { seedDatabase } from "../prisma/seed";

export type Booted = { db: Db; databaseUrl: string; secret: string; shutdown: () => Promise<void> };

export async function boot({ dataDir, log }: { dataDir: string; log: (m: string) => void }): Promise<Booted> {
  let databaseUrl = process.env.DATABASE_URL;
  let stopPostgres = async () => {};
  if (!databaseUrl) {
    log(`starting the embedded PostgreSQL in ${path.join(dataDir, "postgres")}`);
    const embedded = await startEmbeddedPostgres(path.join(dataDir, "postgres"));
    databaseUrl = embedded.url;
    stopPostgres = embedded.stop;
    process.env.DATABASE_URL = databaseUrl; // for the Next.js app in this process
  }
  await migrateDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  await seedDatabase(db);
  const secret = ensureAuthSecret(dataDir);
  process.env.NEXTAUTH_SECRET = secret;
  return {
    db,
    databaseUrl,
    secret,
    async shutdown() {
      await db.$disconnect();
      await stopPostgres();
    },
  };
}

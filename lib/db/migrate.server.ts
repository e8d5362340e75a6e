import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/**
 * Environment for Prisma's CLI. Its generator and schema engine run as WebAssembly here (prisma.config.ts);
 * pointing the native-engine variables at an existing file stops it from trying to download engines it will
 * not use, which fails on machines without access to Prisma's binary host. See README.
 */
export function prismaEnv(databaseUrl?: string): NodeJS.ProcessEnv {
  const placeholder = path.resolve("package.json");
  return {
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
    PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

export function prismaCli(): string {
  return createRequire(import.meta.url).resolve("prisma/build/index.js");
}

/** Names of committed migrations not yet applied to the database. */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const committed = readdirSync(path.resolve("prisma/migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return committed.filter((name) => !applied.has(name));
  } catch {
    return committed; // no migrations table yet
  } finally {
    await client.end();
  }
}

/**
 * Applies the committed migrations under prisma/migrations to `databaseUrl`. The CLI is only started when
 * something is pending: its WebAssembly schema engine leaves a 10 s timer behind, which every start would pay.
 */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  if ((await pendingMigrations(databaseUrl)).length === 0) return;
  await run(process.execPath, [prismaCli(), "migrate", "deploy"], { env: prismaEnv(databaseUrl) });
}

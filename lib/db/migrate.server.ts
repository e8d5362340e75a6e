import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

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

/** Applies the committed migrations under prisma/migrations to `databaseUrl`. */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  await run(process.execPath, [prismaCli(), "migrate", "deploy"], { env: prismaEnv(databaseUrl) });
}

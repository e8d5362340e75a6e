/**
 * Vitest global setup: one PostgreSQL for the run (DATABASE_URL's server, or an embedded one in a temporary
 * folder) and one migrated, seeded template database. Each test file copies the template (CREATE DATABASE
 * ... TEMPLATE), which takes milliseconds, so files never see each other's rows.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDb } from "../../lib/db/client.server";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres.server";
import { migrateDatabase } from "../../lib/db/migrate.server";
import { seedDatabase } from "../../prisma/seed";
import { databaseUrlWithName } from "../helpers/database-url";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let serverUrl = process.env.DATABASE_URL;
  let teardownServer = async () => {};
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), "gloss-test-pg-"));
    const embedded = await startEmbeddedPostgres(dir, "postgres");
    serverUrl = embedded.url;
    teardownServer = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const templateName = `gloss_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrlWithName(serverUrl, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
  await admin.query(`CREATE DATABASE ${templateName}`);
  const templateUrl = databaseUrlWithName(serverUrl, templateName);
  await migrateDatabase(templateUrl);
  const db = createDb(templateUrl);
  await seedDatabase(db);
  await db.$disconnect();
  project.provide("templateDatabaseUrl", templateUrl);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`${templateName}_%`, templateName],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await teardownServer();
  };
}

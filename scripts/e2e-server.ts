/**
 * The server Playwright runs against: production build, port 3100, and a database of its own for this run
 * (the database gloss_e2e_<port>, made afresh on DATABASE_URL's server, when one is given, else an embedded PostgreSQL in a temp folder).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const dataDir = mkdtempSync(path.join(tmpdir(), "gloss-e2e-"));
process.env.GLOSS_DATA_DIR = dataDir;
process.env.PORT ??= "3100";
process.env.HOST ??= "127.0.0.1";
(process.env as Record<string, string>).NODE_ENV = "production";
// As if behind one proxy: each browser in the tests says where it is with X-Forwarded-For
// (tests/e2e/support/sign-up.ts), so the per-address rate limits see several people rather than one.
process.env.GLOSS_TRUST_PROXY ??= "1";

if (process.env.DATABASE_URL) {
  const server = new URL(process.env.DATABASE_URL);
  // One database per port, made afresh each run, so runs neither see each other's rows nor pile up databases,
  // and two checkouts testing on different ports do not wipe each other's.
  const name = `gloss_e2e_${Number(process.env.PORT ?? 3100)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  server.pathname = `/${name}`;
  process.env.DATABASE_URL = server.toString();
}

await import("../server/main");

// server/main has booted: DATABASE_URL now names the database in use (the embedded one included).
if (process.env.GLOSS_E2E_INFO) writeFileSync(process.env.GLOSS_E2E_INFO, JSON.stringify({ databaseUrl: process.env.DATABASE_URL }));

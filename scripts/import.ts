/**
 * `npm run import -- …`: see lib/export/run-import-command.server.ts. Imports write into rooms, which only a live
 * server may do: the command runs its own (without listening) when no Gloss server runs against the database, and
 * otherwise sends the instructor to the import page.
 */
import { createDb } from "../lib/db/client.server";
import { cliDatabase } from "../lib/db/cli-database.server";
import { tryExclusiveLock } from "../lib/db/live-server-lock.server";
import { IMPORT_USAGE, runImportCommand } from "../lib/export/run-import-command.server";
import { createWsServer } from "../server/ws-server";

if (process.argv.length <= 2) {
  console.error(IMPORT_USAGE);
  process.exit(2);
}
const database = await cliDatabase();
const release = await tryExclusiveLock(database.url);
if (!release) {
  console.error("Gloss is running against this database: import from the essay's page in the seminar (Export… then Import), or stop Gloss and run this again.");
  await database.close();
  process.exit(1);
}
const db = createDb(database.url);
const ws = createWsServer({ db, secret: "not-used-by-a-server-that-takes-no-connections", log: () => {} });
let code = 1;
try {
  code = await runImportCommand(db, process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
} finally {
  await ws.close();
  await release();
  await db.$disconnect();
  await database.close();
}
process.exitCode = code;

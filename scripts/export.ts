/** `npm run export -- …`: see lib/export/run-export-command.server.ts (the usage is printed with no arguments). */
import { createWriteStream } from "node:fs";
import { createDb } from "../lib/db/client.server";
import { cliDatabase } from "../lib/db/cli-database.server";
import { runExportCommand } from "../lib/export/run-export-command.server";

const database = await cliDatabase();
const db = createDb(database.url);
let code = 1;
try {
  code = await runExportCommand(db, process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, openFile: (file) => createWriteStream(file) });
} finally {
  await db.$disconnect();
  await database.close();
}
process.exitCode = code;

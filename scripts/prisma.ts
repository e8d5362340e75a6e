// Runs Prisma's CLI with the environment of lib/db/migrate.server.ts: `npm run prisma -- <args>`.
import { spawnSync } from "node:child_process";
import { prismaCli, prismaEnv } from "../lib/db/migrate.server";

const result = spawnSync(process.execPath, [prismaCli(), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: prismaEnv(),
});
process.exit(result.status ?? 1);

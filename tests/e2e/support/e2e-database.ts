import { readFileSync } from "node:fs";
import pg from "pg";

/** A connection to the database the e2e server uses (scripts/e2e-server.ts says which). */
export async function e2eDatabase(): Promise<pg.Client> {
  const { databaseUrl } = JSON.parse(readFileSync(process.env.GLOSS_E2E_INFO!, "utf8")) as { databaseUrl: string };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/** Holds every INSERT into the room log until released: the server then cannot store, and says so. */
export async function holdInserts(): Promise<{ release: () => Promise<void> }> {
  const client = await e2eDatabase();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "RoomUpdate" IN EXCLUSIVE MODE`);
  return {
    async release() {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

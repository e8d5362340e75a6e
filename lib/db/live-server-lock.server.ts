/**
 * Whether a Gloss server is running against this database. Every server holds a shared advisory lock for its life,
 * on a connection of its own; a command that writes rooms outside a server (`npm run import`) takes it exclusively,
 * so it runs only when no server has rooms loaded (whose compaction could otherwise drop its rows), and a server
 * starting meanwhile waits for it.
 */
import pg from "pg";

/** An arbitrary constant: the lock's name. */
const LOCK_KEY = 5_147_202_611;

export async function holdServerLock(databaseUrl: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "gloss-server-lock" });
  await client.connect();
  // Without a listener, a dropped connection would crash the server; the lock simply goes with it.
  client.on("error", () => {});
  await client.query("SELECT pg_advisory_lock_shared($1)", [LOCK_KEY]);
  return () => client.end().catch(() => {});
}

/** The exclusive lock, or null when a server holds it; released by the returned function. */
export async function tryExclusiveLock(databaseUrl: string): Promise<(() => Promise<void>) | null> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "gloss-command-lock" });
  await client.connect();
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [LOCK_KEY]);
  if (!rows[0]?.locked) {
    await client.end();
    return null;
  }
  return () => client.end().catch(() => {});
}

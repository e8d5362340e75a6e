/**
 * The live server's own PostgreSQL connections, for the statements it runs per batch of updates (the room log,
 * its compaction, the relational copy). Plain `pg` with named prepared statements: through Prisma each of these
 * cost about 1.2 ms of CPU to build and run, against 0.2 ms here (bench/results.md), which at a few hundred
 * batches a second was most of the server's time.
 *
 * These connections commit with `synchronous_commit = off`: a commit returns once it is in PostgreSQL's WAL
 * buffers, without waiting for the disk. That survives any crash of Gloss, and PostgreSQL restarting cleanly. It
 * does not survive PostgreSQL or its machine crashing within about 0.6 s (3 × wal_writer_delay) of a commit:
 * such a commit may be lost after readers have seen it. The readers' pages still hold those changes and send
 * them again when they reconnect (sync step 2), so a note is lost only if its writer's tab is gone too.
 * ARCHITECTURE.md says the same under "Durability".
 */
import pg from "pg";

export type Sql = pg.Pool;

export function createSqlPool(connectionString: string, { max = 4 }: { max?: number } = {}): Sql {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000, options: "-c synchronous_commit=off" });
  // An idle connection that PostgreSQL drops (a restart) must not crash the server; the next query opens a new one.
  pool.on("error", () => {});
  return pool;
}

/** Runs `work` in one transaction on one connection of the pool. */
export async function inTransaction<T>(sql: Sql, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await sql.connect();
  let failed: Error | undefined;
  // PostgreSQL going away mid-transaction is also emitted as an event, which would crash the process unheard;
  // the query under way fails with it anyway.
  const onError = (error: Error) => void (failed ??= error);
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    failed = error as Error;
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    // A connection that failed mid-transaction may be broken: the pool closes it rather than handing it out again.
    client.off("error", onError);
    client.release(failed);
  }
}

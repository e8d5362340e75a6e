/** The room's update log in PostgreSQL, and what is stored with it: load, append in batches, compact. */
import type pg from "pg";
import * as Y from "yjs";
import type { Db } from "../lib/db/client.server";
import type { Comment } from "../lib/doc/layout";
import type { Claim } from "./client-owners";
import { encodeRowsInWorker } from "./compact-in-worker";
import { inTransaction, type Sql } from "./sql-pool";

/** Applies the room's whole log to each of `docs` and returns how many rows it has. */
export async function loadRoomDocument(db: Db, roomId: string, docs: Y.Doc[]): Promise<number> {
  const rows = await db.roomUpdate.findMany({ where: { roomId }, orderBy: { id: "asc" }, select: { data: true } });
  if (rows.length > 0) {
    const merged = Y.mergeUpdates(rows.map((row) => row.data));
    for (const doc of docs) Y.applyUpdate(doc, merged);
  }
  return rows.length;
}

/** Hidden comments' full entries, by comment id. */
export async function loadWithheld(db: Db, roomId: string): Promise<Map<string, Comment>> {
  const rows = await db.withheldComment.findMany({ where: { roomId }, select: { commentId: true, value: true } });
  return new Map(rows.map((row) => [row.commentId, row.value as Comment]));
}

/** Stored in the same transaction as a batch of updates. `value: null` forgets a withheld comment. */
export type BatchExtras = { claims: Claim[]; withheld: Array<{ commentId: string; value: Comment | null }> };

const APPEND = {
  name: "gloss-append-updates",
  text: `WITH added AS (INSERT INTO "RoomUpdate" ("roomId", "data") SELECT $1, unnest($2::bytea[]) RETURNING "id")
         SELECT max("id") AS "lastId" FROM added`,
};
const CLAIM = {
  name: "gloss-claim-clients",
  text: `INSERT INTO "RoomClient" ("roomId", "clientId", "userId") SELECT $1, c, u FROM unnest($2::bigint[], $3::text[]) AS t(c, u)
         ON CONFLICT DO NOTHING`,
};
const WITHHOLD = {
  name: "gloss-withhold-comments",
  text: `INSERT INTO "WithheldComment" ("roomId", "commentId", "value") SELECT $1, c, v FROM unnest($2::text[], $3::jsonb[]) AS t(c, v)
         ON CONFLICT ("roomId", "commentId") DO UPDATE SET "value" = EXCLUDED."value", "withheldAt" = CURRENT_TIMESTAMP`,
};
const FORGET = { name: "gloss-forget-withheld", text: `DELETE FROM "WithheldComment" WHERE "roomId" = $1 AND "commentId" = ANY($2::text[])` };

/**
 * One INSERT for a batch of updates, with the claims and withheld comments that came with them, in one
 * transaction; resolves with the last log id once committed (0 when the batch had no updates).
 */
export async function appendBatch(sql: Sql, roomId: string, updates: Uint8Array[], extras: BatchExtras): Promise<bigint> {
  const data = updates.map((update) => Buffer.from(update.buffer, update.byteOffset, update.byteLength));
  const append = async (client: Sql | pg.PoolClient) => {
    if (updates.length === 0) return 0n;
    const { rows } = await client.query<{ lastId: string }>({ ...APPEND, values: [roomId, data] });
    return BigInt(rows[0]!.lastId);
  };
  if (extras.claims.length === 0 && extras.withheld.length === 0) return append(sql);

  // A comment withheld and shown again within one batch: its last state is what counts.
  const withheld = new Map(extras.withheld.map(({ commentId, value }) => [commentId, value]));
  const kept = [...withheld].filter((entry): entry is [string, Comment] => entry[1] !== null);
  const forgotten = [...withheld].filter(([, value]) => value === null).map(([commentId]) => commentId);
  return inTransaction(sql, async (client) => {
    const lastId = await append(client);
    if (extras.claims.length > 0) {
      const clients = extras.claims.map((claim) => String(claim.clientId));
      await client.query({ ...CLAIM, values: [roomId, clients, extras.claims.map((claim) => claim.userId)] });
    }
    if (kept.length > 0) await client.query({ ...WITHHOLD, values: [roomId, kept.map(([id]) => id), kept.map(([, value]) => JSON.stringify(value))] });
    if (forgotten.length > 0) await client.query({ ...FORGET, values: [roomId, forgotten] });
    return lastId;
  });
}

/**
 * Replaces the room's log rows with one update holding the whole document, made from those rows themselves
 * (not from a server's memory, which may not have heard yet of what another instance stored). Rows committed
 * while it runs are not among those it read, so it leaves them. One instance at a time: under a transaction-level
 * advisory lock on the room, and an instance that finds it taken leaves the work to the one holding it.
 * Resolves with the size of the one update it left, or null when it left the log as it was.
 */
export async function compactRoom(sql: Sql, roomId: string): Promise<number | null> {
  return inTransaction(sql, async (client) => {
    const { rows: lock } = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_xact_lock(hashtextextended('gloss:compact:' || $1, 0)) AS locked`,
      [roomId],
    );
    if (!lock[0]!.locked) return null;
    const { rows } = await client.query<{ id: string; data: Buffer }>(`SELECT "id", "data" FROM "RoomUpdate" WHERE "roomId" = $1 ORDER BY "id"`, [roomId]);
    if (rows.length < 2) return null;
    // Through a document rather than Y.mergeUpdates: the document collects deleted content (a hidden comment's
    // old text, edits made over), which a merge of the rows would keep forever. In a worker thread: for a busy
    // room this takes tens of milliseconds, which readers would otherwise wait out (bench/results.md).
    const state = await encodeRowsInWorker(rows.map((row) => row.data));
    await client.query(`DELETE FROM "RoomUpdate" WHERE "roomId" = $1 AND "id" = ANY($2::bigint[])`, [roomId, rows.map((row) => row.id)]);
    await client.query(`INSERT INTO "RoomUpdate" ("roomId", "data") VALUES ($1, $2)`, [roomId, Buffer.from(state)]);
    return state.length;
  });
}

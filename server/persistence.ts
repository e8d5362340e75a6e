/** The room's update log in PostgreSQL, and what is stored with it: load, append in batches, compact. */
import * as Y from "yjs";
import type { Db } from "../lib/db/client.server";
import type { Comment } from "../lib/doc/layout";
import { encodeRowsInWorker } from "./compact-in-worker";
import { logWriterFor, type BatchExtras } from "./log-writer";

export type { BatchExtras };
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


/**
 * Stores a batch of the room's updates, with the claims and withheld comments that came with them, in one
 * transaction (together with other rooms' batches: log-writer.ts); resolves once committed.
 */
export function appendBatch(sql: Sql, roomId: string, updates: Uint8Array[], extras: BatchExtras): Promise<void> {
  return logWriterFor(sql).append(roomId, updates, extras);
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

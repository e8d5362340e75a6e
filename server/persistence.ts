/** The room's update log in PostgreSQL, and what is stored with it: load, append in batches, compact. */
import * as Y from "yjs";
import type { Db } from "../lib/db/client.server";
import type { Comment } from "../lib/doc/layout";
import type { Claim } from "./client-owners";

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

/**
 * One INSERT for a batch of updates, with the claims and withheld comments that came with them, in one
 * transaction; resolves with the last log id once committed (0 when the batch had no updates).
 */
export async function appendBatch(db: Db, roomId: string, updates: Uint8Array[], extras: BatchExtras): Promise<bigint> {
  const insert = db.roomUpdate.createManyAndReturn({
    data: updates.map((data) => ({ roomId, data: Buffer.from(data) })),
    select: { id: true },
  });
  const lastId = (rows: Array<{ id: bigint }>) => rows.reduce((max, row) => (row.id > max ? row.id : max), 0n);
  if (extras.claims.length === 0 && extras.withheld.length === 0) return lastId(await insert);

  const writes = [
    ...(updates.length > 0 ? [insert] : []),
    db.roomClient.createMany({
      data: extras.claims.map(({ clientId, userId }) => ({ roomId, clientId: BigInt(clientId), userId })),
      skipDuplicates: true,
    }),
    ...extras.withheld.map(({ commentId, value }) =>
      value === null
        ? db.withheldComment.deleteMany({ where: { roomId, commentId } })
        : db.withheldComment.upsert({
            where: { roomId_commentId: { roomId, commentId } },
            create: { roomId, commentId, value },
            update: { value, withheldAt: new Date() },
          }),
    ),
  ];
  const results = await db.$transaction(writes as never[]);
  return updates.length > 0 ? lastId(results[0] as Array<{ id: bigint }>) : 0n;
}

/**
 * Replaces every log row up to `upToId` with one update holding the whole document, in one transaction.
 * `state` must contain everything those rows held (it is encoded from the committed document after they
 * were applied to it).
 */
export async function compactRoom(db: Db, roomId: string, state: Uint8Array, upToId: bigint): Promise<void> {
  await db.$transaction([
    db.roomUpdate.deleteMany({ where: { roomId, id: { lte: upToId } } }),
    db.roomUpdate.create({ data: { roomId, data: Buffer.from(state) } }),
  ]);
}

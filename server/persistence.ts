/** The room's update log in PostgreSQL: load, append in batches, compact. */
import * as Y from "yjs";
import type { Db } from "../lib/db/client.server";

/** Applies the room's whole log to `doc` and returns how many rows it has. */
export async function loadRoomDocument(db: Db, roomId: string, doc: Y.Doc): Promise<number> {
  const rows = await db.roomUpdate.findMany({ where: { roomId }, orderBy: { id: "asc" }, select: { data: true } });
  if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((row) => row.data)));
  return rows.length;
}

/** One INSERT for a batch of updates; resolves once they are committed. */
export async function appendUpdates(db: Db, roomId: string, updates: Uint8Array[]): Promise<bigint> {
  const rows = await db.roomUpdate.createManyAndReturn({
    data: updates.map((data) => ({ roomId, data: Buffer.from(data) })),
    select: { id: true },
  });
  return rows.reduce((max, row) => (row.id > max ? row.id : max), 0n);
}

/**
 * Replaces every log row up to `upToId` with one update holding the whole document. `state` must contain
 * everything those rows held (it is encoded from the live document after they were applied).
 */
export async function compactRoom(db: Db, roomId: string, state: Uint8Array, upToId: bigint): Promise<void> {
  await db.$transaction([
    db.roomUpdate.deleteMany({ where: { roomId, id: { lte: upToId } } }),
    db.roomUpdate.create({ data: { roomId, data: Buffer.from(state) } }),
  ]);
}

import type { Db } from "../db/client.server";
import { privateRoomIdFor } from "../doc/layout";

/** The reader's private-notes room on an essay, created on first use. */
export async function ensurePrivateRoom(db: Db, essayId: string, userId: string): Promise<string> {
  const id = privateRoomIdFor(essayId, userId);
  await db.room.upsert({ where: { id }, create: { id, essayId, ownerId: userId }, update: {} });
  return id;
}

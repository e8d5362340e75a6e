import * as Y from "yjs";
import type { Db } from "../db/client.server";

/**
 * A room's document as stored (its log of updates, merged), for pages that need its notes without joining the
 * live room: the revise page's preview and review list. Updates the websocket server has accepted but not yet
 * written are missing, which is fine for a preview (server/persistence.ts loads rooms the same way).
 */
export async function readRoomDocument(db: Db, roomId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const rows = await db.roomUpdate.findMany({ where: { roomId }, orderBy: { id: "asc" }, select: { data: true } });
  if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((row) => row.data)));
  return doc;
}

import type { Db } from "../db/client.server";
import { CommentSchema } from "../doc/layout";

export type WithheldText = { id: string; body: string; tags: string[]; mentions: string[] };

/**
 * What hidden comments in a room said: the live document has only stubs (server/moderation.ts). The caller
 * decides who may read this (instructors of the room's seminar).
 */
export async function getWithheldComments(db: Db, roomId: string): Promise<WithheldText[]> {
  const rows = await db.withheldComment.findMany({ where: { roomId }, select: { value: true }, orderBy: { withheldAt: "asc" } });
  return rows.flatMap(({ value }) => {
    const parsed = CommentSchema.safeParse(value);
    if (!parsed.success) return [];
    const { id, body, tags, mentions } = parsed.data;
    return [{ id, body, tags, mentions }];
  });
}

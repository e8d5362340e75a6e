import type { Db } from "../db/client.server";

export type RoomRecord = {
  id: string;
  essayId: string;
  seminarId: string | null;
  ownerId: string | null;
  paragraphIds: Set<string>;
};

export async function findRoom(db: Db, roomId: string): Promise<RoomRecord | null> {
  const room = await db.room.findUnique({
    where: { id: roomId },
    select: { id: true, essayId: true, seminarId: true, ownerId: true, essay: { select: { paragraphs: { select: { id: true } } } } },
  });
  if (!room) return null;
  const { essay, ...rest } = room;
  return { ...rest, paragraphIds: new Set(essay.paragraphs.map((p) => p.id)) };
}

import type { Db } from "../db/client.server";
import type { WriterRole } from "../doc/permissions";
import { AppError, AppErrorCode } from "../errors/app-error";
import { getRole } from "../seminars/get-role.server";
import { findRoom, type RoomRecord } from "./find-room.server";

/**
 * What a user is in a room: seminar instructor or student, owner of private notes, or reader of the open room;
 * and whether the room is read-only for everyone now (its seminar is archived).
 */
export type RoomAccess = { room: RoomRecord; role: WriterRole; readOnly: boolean };

export const ESSAY_NOT_ON_LIST = "This essay is not on the seminar's reading list.";

/**
 * The one place that decides who may open a room, used by the websocket server and by every page and export
 * that reads a room's content. The role always comes from the database. A seminar's room opens only while its
 * essay is on the seminar's reading list: taken off, its discussion is kept but nobody reaches it. Membership
 * is decided first, so an outsider learns nothing about the list.
 */
export async function authorizeRoom(db: Db, roomId: string, userId: string): Promise<RoomAccess> {
  const room = await findRoom(db, roomId);
  if (!room) throw new AppError(AppErrorCode.NotFound, "There is no such room.");
  if (room.ownerId !== null) {
    if (room.ownerId !== userId) throw new AppError(AppErrorCode.Forbidden, "These notes are private.");
    return { room, role: "owner", readOnly: false };
  }
  if (room.seminarId !== null) {
    const [role, listed] = await Promise.all([
      getRole(db, room.seminarId, userId),
      db.seminarEssay.findUnique({
        where: { seminarId_essayId: { seminarId: room.seminarId, essayId: room.essayId } },
        select: { seminar: { select: { archivedAt: true } } },
      }),
    ]);
    if (!role) throw new AppError(AppErrorCode.Forbidden, "Only members of this seminar can open its discussion.");
    if (!listed) throw new AppError(AppErrorCode.NotFound, ESSAY_NOT_ON_LIST);
    return { room, role, readOnly: listed.seminar.archivedAt !== null };
  }
  return { room, role: "reader", readOnly: false };
}

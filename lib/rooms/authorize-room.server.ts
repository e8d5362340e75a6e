import type { Db } from "../db/client.server";
import type { WriterRole } from "../doc/permissions";
import { AppError, AppErrorCode } from "../errors/app-error";
import { getRole } from "../seminars/get-role.server";
import { findRoom, type RoomRecord } from "./find-room.server";

/** What a user is in a room: seminar instructor or student, owner of private notes, or reader of the open room. */
export type RoomAccess = { room: RoomRecord; role: WriterRole };

/**
 * The one place that decides who may open a room, used by the websocket server and by every page and export
 * that reads a room's content. The role always comes from the database.
 */
export async function authorizeRoom(db: Db, roomId: string, userId: string): Promise<RoomAccess> {
  const room = await findRoom(db, roomId);
  if (!room) throw new AppError(AppErrorCode.NotFound, "There is no such room.");
  if (room.ownerId !== null) {
    if (room.ownerId !== userId) throw new AppError(AppErrorCode.Forbidden, "These notes are private.");
    return { room, role: "owner" };
  }
  if (room.seminarId !== null) {
    const role = await getRole(db, room.seminarId, userId);
    if (!role) throw new AppError(AppErrorCode.Forbidden, "Only members of this seminar can open its discussion.");
    return { room, role };
  }
  return { room, role: "reader" };
}

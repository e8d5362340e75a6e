import type { Db } from "../db/client.server";
import type { WriterRole } from "../doc/permissions";
import { AppError, AppErrorCode } from "../errors/app-error";
import { getRole, type SeminarRole } from "../seminars/get-role.server";
import { findRoom, type RoomRecord } from "./find-room.server";
import { isSiteModerator } from "./site-moderators";

/**
 * What a user is in a room: seminar instructor or student, owner of private notes, or reader of the open room;
 * and whether the room is read-only for everyone now (its seminar is archived).
 */
export type RoomAccess = { room: RoomRecord; role: WriterRole; readOnly: boolean };

export const ESSAY_NOT_ON_LIST = "This essay is not on the seminar's reading list.";

/**
 * The rows the decision reads. Pages read them straight from the database; the websocket server reads them in
 * batches for connections arriving together (server/connection-reads.ts), each from a read that started after its
 * connection arrived, so the decision below is the same one.
 */
export type RoomAccessReads = {
  findRoom: (roomId: string) => Promise<RoomRecord | null>;
  getRole: (seminarId: string, userId: string) => Promise<SeminarRole | null>;
  /** Whether the essay is on the seminar's reading list (null when not), and whether the seminar is archived. */
  findListing: (seminarId: string, essayId: string) => Promise<{ archived: boolean } | null>;
};

export function roomAccessReads(db: Db): RoomAccessReads {
  return {
    findRoom: (roomId) => findRoom(db, roomId),
    getRole: (seminarId, userId) => getRole(db, seminarId, userId),
    async findListing(seminarId, essayId) {
      const listed = await db.seminarEssay.findUnique({
        where: { seminarId_essayId: { seminarId, essayId } },
        select: { seminar: { select: { archivedAt: true } } },
      });
      return listed && { archived: listed.seminar.archivedAt !== null };
    },
  };
}

/**
 * The one place that decides who may open a room, used by the websocket server and by every page and export
 * that reads a room's content. The role always comes from the database. A seminar's room opens only while its
 * essay is on the seminar's reading list: taken off, its discussion is kept but nobody reaches it. Membership
 * is decided first, so an outsider learns nothing about the list. An essay's public room is open to everyone signed
 * in; `email` recognises its moderators there (site-moderators.ts).
 */
export function authorizeRoom(db: Db, roomId: string, userId: string, email?: string): Promise<RoomAccess> {
  return authorizeRoomWith(roomAccessReads(db), roomId, userId, email);
}

/** authorizeRoom over rows read some other way (see RoomAccessReads). */
export async function authorizeRoomWith(reads: RoomAccessReads, roomId: string, userId: string, email?: string): Promise<RoomAccess> {
  const room = await reads.findRoom(roomId);
  if (!room) throw new AppError(AppErrorCode.NotFound, "There is no such room.");
  if (room.ownerId !== null) {
    if (room.ownerId !== userId) throw new AppError(AppErrorCode.Forbidden, "These notes are private.");
    return { room, role: "owner", readOnly: false };
  }
  if (room.seminarId !== null) {
    const [role, listed] = await Promise.all([reads.getRole(room.seminarId, userId), reads.findListing(room.seminarId, room.essayId)]);
    if (!role) throw new AppError(AppErrorCode.Forbidden, "Only members of this seminar can open its discussion.");
    if (!listed) throw new AppError(AppErrorCode.NotFound, ESSAY_NOT_ON_LIST);
    return { room, role, readOnly: listed.archived };
  }
  return { room, role: isSiteModerator(email) ? "instructor" : "reader", readOnly: false };
}

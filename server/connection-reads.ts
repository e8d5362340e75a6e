/**
 * The database reads a new connection's checks make: its user's row, its room's record, its role and the room's
 * listing (authorizeRoom's RoomAccessReads), and the seminar's facts. Connections arriving together share reads
 * (server/batched-reads.ts): each answer still comes from a read that started after its connection arrived, so a
 * removal, sign-out, unlisting or archive committed before a connection arrived is always seen by its checks, and
 * one committed while they run is caught by server/open-connections.ts as before. No user row, membership or
 * listing is kept between connections.
 *
 * The one thing kept is a loaded room's record: a room's essay, seminar and owner, and its essay's paragraphs, are
 * fixed when they are made (nothing updates or deletes them), so the record a loaded room holds is the one the
 * database would give. It is held weakly: once the room is unloaded and collected, it is read again.
 */
import { currentSessionUser, SESSION_USER_FIELDS, type SessionClaims } from "../lib/auth/find-session-user.server";
import type { Db } from "../lib/db/client.server";
import { findRoom, type RoomRecord } from "../lib/rooms/find-room.server";
import type { RoomAccessReads } from "../lib/rooms/authorize-room.server";
import { getSeminarFacts } from "../lib/seminars/get-seminar-facts.server";
import type { SeminarRole } from "../lib/seminars/get-role.server";
import { BatchedReads } from "./batched-reads";

type SessionUserRow = { id: string; name: string; email: string; sessionVersion: number };
type SeminarFacts = Awaited<ReturnType<typeof getSeminarFacts>>;

export type ConnectionReads = RoomAccessReads & {
  /** The session's user, or null when the account is gone or the session was ended (findSessionUser's rule). */
  sessionUser: (claims: SessionClaims) => Promise<SessionUserRow | null>;
  seminarFacts: (seminarId: string) => Promise<SeminarFacts>;
};

/** Two ids as one batch key; ids never contain a NUL. */
const pair = (a: string, b: string) => `${a}\u0000${b}`;
const unpair = (key: string) => key.split("\u0000") as [string, string];

/** A batch read as one read per key, run side by side: for keys that rarely differ within a batch. */
function eachKey<Value>(read: (key: string) => Promise<Value>) {
  return async (keys: string[]) => new Map(await Promise.all(keys.map(async (key) => [key, await read(key)] as const)));
}

export function connectionReads(db: Db): ConnectionReads {
  const users = new BatchedReads<string, SessionUserRow>(async (ids) => {
    const rows = await db.user.findMany({ where: { id: { in: ids } }, select: SESSION_USER_FIELDS });
    return new Map(rows.map((row) => [row.id, row]));
  });

  const roles = new BatchedReads<string, SeminarRole>(async (keys) => {
    const bySeminar = new Map<string, string[]>();
    for (const [seminarId, userId] of keys.map(unpair)) bySeminar.set(seminarId, [...(bySeminar.get(seminarId) ?? []), userId]);
    const found = await Promise.all(
      [...bySeminar].map(([seminarId, userIds]) =>
        db.membership.findMany({ where: { seminarId, userId: { in: userIds } }, select: { seminarId: true, userId: true, role: true } }),
      ),
    );
    return new Map(found.flat().map((m) => [pair(m.seminarId, m.userId), m.role]));
  });

  const listings = new BatchedReads<string, { archived: boolean } | null>(
    eachKey(async (key) => {
      const [seminarId, essayId] = unpair(key);
      const listed = await db.seminarEssay.findUnique({
        where: { seminarId_essayId: { seminarId, essayId } },
        select: { seminar: { select: { archivedAt: true } } },
      });
      return listed && { archived: listed.seminar.archivedAt !== null };
    }),
  );

  const facts = new BatchedReads<string, SeminarFacts>(eachKey((seminarId) => getSeminarFacts(db, seminarId)));

  const records = new Map<string, WeakRef<RoomRecord>>();
  const forgetRecord = new FinalizationRegistry<string>((roomId) => {
    if (records.get(roomId)?.deref() === undefined) records.delete(roomId);
  });
  const recordReads = new BatchedReads<string, RoomRecord | null>(eachKey((roomId) => findRoom(db, roomId)));

  return {
    async sessionUser(claims) {
      return currentSessionUser(await users.load(claims.userId), claims);
    },
    async findRoom(roomId) {
      const kept = records.get(roomId)?.deref();
      if (kept) return kept;
      const record = (await recordReads.load(roomId)) ?? null;
      if (record && !records.get(roomId)?.deref()) {
        records.set(roomId, new WeakRef(record));
        forgetRecord.register(record, roomId);
      }
      return records.get(roomId)?.deref() ?? record;
    },
    async getRole(seminarId, userId) {
      return (await roles.load(pair(seminarId, userId))) ?? null;
    },
    async findListing(seminarId, essayId) {
      return (await listings.load(pair(seminarId, essayId))) ?? null;
    },
    async seminarFacts(seminarId) {
      return (await facts.load(seminarId))!;
    },
  };
}

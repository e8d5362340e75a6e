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
import { currentSessionUser, type SessionClaims } from "../lib/auth/find-session-user.server";
import type { Db } from "../lib/db/client.server";
import { findRoom, type RoomRecord } from "../lib/rooms/find-room.server";
import type { RoomAccessReads } from "../lib/rooms/authorize-room.server";
import type { SeminarRole } from "../lib/seminars/get-role.server";
import { BatchedReads } from "./batched-reads";

type SessionUserRow = { id: string; name: string; email: string; sessionVersion: number };
/** What a room's updates are checked against for tags and mentions (RoomFacts), refreshed whenever someone joins. */
type SeminarFacts = { tags: Set<string>; memberIds: Set<string> };

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

/**
 * The batched reads are plain SQL: Prisma compiles each query in the process (its query compiler), and compiling a
 * findMany over 200 ids cost 11-13 ms of CPU against 2-2.5 ms for the same rows by $queryRaw (bench/profile-notes.md).
 * Ids go in as one array parameter, so the statement is the same whatever the batch's size.
 */
export function connectionReads(db: Db): ConnectionReads {
  const users = new BatchedReads<string, SessionUserRow>(async (ids) => {
    const rows = await db.$queryRaw<SessionUserRow[]>`
      SELECT "id", "name", "email", "sessionVersion" FROM "User" WHERE "id" = ANY(${ids}::text[])`;
    return new Map(rows.map((row) => [row.id, row]));
  });

  const roles = new BatchedReads<string, SeminarRole>(async (keys) => {
    const pairs = keys.map(unpair);
    const rows = await db.$queryRaw<Array<{ seminarId: string; userId: string; role: SeminarRole }>>`
      SELECT "seminarId", "userId", "role"::text AS "role" FROM "Membership"
      WHERE ("seminarId", "userId") IN (SELECT * FROM unnest(${pairs.map(([s]) => s)}::text[], ${pairs.map(([, u]) => u)}::text[]))`;
    return new Map(rows.map((m) => [pair(m.seminarId, m.userId), m.role]));
  });

  const listings = new BatchedReads<string, { archived: boolean }>(async (keys) => {
    const pairs = keys.map(unpair);
    const rows = await db.$queryRaw<Array<{ seminarId: string; essayId: string; archived: boolean }>>`
      SELECT l."seminarId", l."essayId", s."archivedAt" IS NOT NULL AS "archived"
      FROM "SeminarEssay" l JOIN "Seminar" s ON s."id" = l."seminarId"
      WHERE (l."seminarId", l."essayId") IN (SELECT * FROM unnest(${pairs.map(([s]) => s)}::text[], ${pairs.map(([, e]) => e)}::text[]))`;
    return new Map(rows.map((l) => [pair(l.seminarId, l.essayId), { archived: l.archived }]));
  });

  const facts = new BatchedReads<string, SeminarFacts>(async (seminarIds) => {
    const [tags, members] = await Promise.all([
      db.$queryRaw<Array<{ seminarId: string; name: string }>>`
        SELECT "seminarId", "name" FROM "SeminarTag" WHERE "seminarId" = ANY(${seminarIds}::text[])`,
      db.$queryRaw<Array<{ seminarId: string; userId: string }>>`
        SELECT "seminarId", "userId" FROM "Membership" WHERE "seminarId" = ANY(${seminarIds}::text[])`,
    ]);
    const found = new Map<string, SeminarFacts>(seminarIds.map((id) => [id, { tags: new Set(), memberIds: new Set() }]));
    for (const tag of tags) found.get(tag.seminarId)!.tags.add(tag.name);
    for (const member of members) found.get(member.seminarId)!.memberIds.add(member.userId);
    return found;
  });

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

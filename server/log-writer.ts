/**
 * The rooms' shared way into the update log. Each room gathers its own updates while its previous batch is stored
 * (save-queue.ts); here the batches of all rooms on one pool go to PostgreSQL together, as arrays of room ids and
 * updates (batched-writes.ts says when and why).
 */
import type pg from "pg";
import type { Comment } from "../lib/doc/layout";
import type { Claim } from "./client-owners";
import { BatchedWrites } from "./batched-writes";
import { inTransaction, type Sql } from "./sql-pool";

/** Stored in the same transaction as a batch of updates. `value: null` forgets a withheld comment. */
export type BatchExtras = { claims: Claim[]; withheld: Array<{ commentId: string; value: Comment | null }> };

type Batch = { roomId: string; data: Buffer[]; extras: BatchExtras };

const APPEND = {
  name: "gloss-append-updates",
  text: `INSERT INTO "RoomUpdate" ("roomId", "data") SELECT * FROM unnest($1::text[], $2::bytea[])`,
};
const CLAIM = {
  name: "gloss-claim-clients",
  text: `INSERT INTO "RoomClient" ("roomId", "clientId", "userId") SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[]) ON CONFLICT DO NOTHING`,
};
/**
 * Updates and the client ids they claim, in one statement rather than a transaction of four round trips: every page's
 * first change claims its client id, so when a hundred rooms start writing at once nearly every batch carries claims
 * (bench/profile-notes.md, "the start of writing").
 */
const APPEND_AND_CLAIM = {
  name: "gloss-append-and-claim",
  text: `WITH added AS (INSERT INTO "RoomUpdate" ("roomId", "data") SELECT * FROM unnest($1::text[], $2::bytea[]) RETURNING 1),
    claimed AS (INSERT INTO "RoomClient" ("roomId", "clientId", "userId") SELECT * FROM unnest($3::text[], $4::bigint[], $5::text[]) ON CONFLICT DO NOTHING RETURNING 1)
  SELECT (SELECT count(*) FROM added) + (SELECT count(*) FROM claimed) AS "written"`,
};
const WITHHOLD = {
  name: "gloss-withhold-comments",
  text: `INSERT INTO "WithheldComment" ("roomId", "commentId", "value") SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])
         ON CONFLICT ("roomId", "commentId") DO UPDATE SET "value" = EXCLUDED."value", "withheldAt" = CURRENT_TIMESTAMP`,
};
const FORGET = {
  name: "gloss-forget-withheld",
  text: `DELETE FROM "WithheldComment" WHERE ("roomId", "commentId") IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
};

export class LogWriter {
  private readonly writes: BatchedWrites<Batch>;

  constructor(
    private readonly sql: Sql,
    maxInFlight = 2,
  ) {
    this.writes = new BatchedWrites((batches) => this.write(batches), maxInFlight);
  }

  /** Resolves once the room's updates, and what came with them, are committed. */
  append(roomId: string, updates: Uint8Array[], extras: BatchExtras): Promise<void> {
    const data = updates.map((update) => Buffer.from(update.buffer, update.byteOffset, update.byteLength));
    return this.writes.add({ roomId, data, extras });
  }

  private async write(batches: Batch[]): Promise<void> {
    const updates = { rooms: [] as string[], data: [] as Buffer[] };
    const claims = { rooms: [] as string[], clients: [] as string[], users: [] as Array<string | null> };
    const kept = { rooms: [] as string[], comments: [] as string[], values: [] as string[] };
    const forgotten = { rooms: [] as string[], comments: [] as string[] };
    for (const { roomId, data, extras } of batches) {
      for (const update of data) {
        updates.rooms.push(roomId);
        updates.data.push(update);
      }
      for (const claim of extras.claims) {
        claims.rooms.push(roomId);
        claims.clients.push(String(claim.clientId));
        claims.users.push(claim.userId);
      }
      // A comment withheld and shown again within one batch: its last state is what counts.
      for (const [commentId, value] of new Map(extras.withheld.map((entry) => [entry.commentId, entry.value]))) {
        if (value === null) {
          forgotten.rooms.push(roomId);
          forgotten.comments.push(commentId);
        } else {
          kept.rooms.push(roomId);
          kept.comments.push(commentId);
          kept.values.push(JSON.stringify(value));
        }
      }
    }
    const append = (client: Sql | pg.PoolClient) => client.query({ ...APPEND, values: [updates.rooms, updates.data] });
    if (kept.rooms.length + forgotten.rooms.length === 0) {
      if (claims.rooms.length > 0) await this.sql.query({ ...APPEND_AND_CLAIM, values: [updates.rooms, updates.data, claims.rooms, claims.clients, claims.users] });
      else if (updates.rooms.length > 0) await append(this.sql);
      return;
    }
    await inTransaction(this.sql, async (client) => {
      if (updates.rooms.length > 0) await append(client);
      if (claims.rooms.length > 0) await client.query({ ...CLAIM, values: [claims.rooms, claims.clients, claims.users] });
      if (kept.rooms.length > 0) await client.query({ ...WITHHOLD, values: [kept.rooms, kept.comments, kept.values] });
      if (forgotten.rooms.length > 0) await client.query({ ...FORGET, values: [forgotten.rooms, forgotten.comments] });
    });
  }
}

const writers = new WeakMap<Sql, LogWriter>();

/** The writer every room on this pool shares. */
export function logWriterFor(sql: Sql): LogWriter {
  let writer = writers.get(sql);
  if (!writer) writers.set(sql, (writer = new LogWriter(sql)));
  return writer;
}

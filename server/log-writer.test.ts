import { expect, it } from "vitest";
import * as Y from "yjs";
import { COMMENTS } from "../lib/doc/layout";
import { sqlDatabase } from "../tests/helpers/sql-database";
import { LogWriter } from "./log-writer";
import { loadRoomDocument } from "./persistence";
import { createSqlPool, type Sql } from "./sql-pool";

const postgres = sqlDatabase();

/** One comment per update, as a page writes them. */
function comments(author: string, count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getMap(COMMENTS).set(`${author}:${i}`, { body: `${author} ${i}` });
  return { doc, updates };
}

/** The statements the writer sends, counted on its pool (the database is real; only the count is watched). */
function countStatements(pool: Sql): { count: () => number } {
  let count = 0;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    count++;
    return query(...args);
  };
  return { count: () => count };
}

it("stores the batches many rooms hand in together in a few statements, each room's updates in its own log", async () => {
  const pool = createSqlPool(postgres.database.url);
  const statements = countStatements(pool);
  const writer = new LogWriter(pool, 1);
  const ids = await Promise.all(Array.from({ length: 20 }, () => postgres.freshRoom()));
  const written = ids.map((_, i) => comments(`r${i}`, 3));
  // Three batches a room, one after the other as a room's save queue sends them, all rooms at once.
  await Promise.all(
    ids.map(async (id, i) => {
      for (const update of written[i]!.updates) await writer.append(id, [update], { claims: [], withheld: [] });
    }),
  );
  expect(statements.count()).toBeLessThanOrEqual(6);
  for (const [i, id] of ids.entries()) {
    const loaded = new Y.Doc();
    expect(await loadRoomDocument(postgres.database.db, id, [loaded])).toBe(3);
    expect(loaded.getMap(COMMENTS).toJSON()).toEqual(written[i]!.doc.getMap(COMMENTS).toJSON());
  }
  await pool.end();
});

it("fails only the batch of a room that cannot be stored, and stores the others handed in with it", async () => {
  const writer = new LogWriter(postgres.sql, 1);
  const [one, two] = [await postgres.freshRoom(), await postgres.freshRoom()];
  const value = { id: "c1", authorId: "a", authorName: "A", annotationId: "n", parentId: null, body: "hidden words", createdAt: 1, editedAt: null };
  const results = await Promise.allSettled([
    writer.append(one, comments("a", 1).updates, { claims: [{ clientId: 11, userId: null }], withheld: [] }),
    writer.append("no-such-room", comments("b", 1).updates, { claims: [], withheld: [] }),
    writer.append(two, comments("c", 1).updates, { claims: [{ clientId: 11, userId: null }], withheld: [{ commentId: "c1", value }] }),
  ]);
  expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  expect(await postgres.database.db.roomUpdate.count({ where: { roomId: { in: [one, two] } } })).toBe(2);
  // The same client id claimed in two rooms is two claims.
  expect(await postgres.database.db.roomClient.count({ where: { roomId: { in: [one, two] }, clientId: 11n } })).toBe(2);
  const withheld = await postgres.database.db.withheldComment.findMany({ where: { roomId: two } });
  expect(withheld.map((row) => (row.value as { body: string }).body)).toEqual(["hidden words"]);
});

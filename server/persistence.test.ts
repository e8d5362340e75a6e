import pg from "pg";
import { expect, it } from "vitest";
import * as Y from "yjs";
import { COMMENTS } from "../lib/doc/layout";
import { sqlDatabase } from "../tests/helpers/sql-database";
import { appendBatch, compactRoom, loadRoomDocument } from "./persistence";

const postgres = sqlDatabase();

/** A writer of its own, as a page or another server instance would be: each update is one change of its document. */
function writer() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  return { doc, take: () => updates.splice(0) };
}

const rowsOf = (id: string) => postgres.database.db.roomUpdate.findMany({ where: { roomId: id }, orderBy: { id: "asc" } });

it("compacts the rows every instance stored, not one server's memory, into one row that loads the same document", async () => {
  const id = await postgres.freshRoom();
  const [one, two] = [writer(), writer()];
  one.doc.getMap(COMMENTS).set("a:1", { body: "from the first instance" });
  await appendBatch(postgres.sql, id, one.take(), { claims: [], withheld: [] });
  two.doc.getMap(COMMENTS).set("b:2", { body: "from the second instance" });
  await appendBatch(postgres.sql, id, two.take(), { claims: [], withheld: [] });
  one.doc.getMap(COMMENTS).set("a:3", { body: "again from the first" });
  await appendBatch(postgres.sql, id, one.take(), { claims: [], withheld: [] });

  expect(await compactRoom(postgres.sql, id)).toBeGreaterThan(0);
  expect(await rowsOf(id)).toHaveLength(1);
  const loaded = new Y.Doc();
  await loadRoomDocument(postgres.database.db, id, [loaded]);
  expect(loaded.getMap(COMMENTS).toJSON()).toEqual({
    "a:1": { body: "from the first instance" },
    "b:2": { body: "from the second instance" },
    "a:3": { body: "again from the first" },
  });
});

it("leaves the log to the instance already compacting the room", async () => {
  const id = await postgres.freshRoom();
  const one = writer();
  for (const body of ["first", "second"]) {
    one.doc.getMap(COMMENTS).set(`a:${body}`, { body });
    await appendBatch(postgres.sql, id, one.take(), { claims: [], withheld: [] });
  }
  const other = new pg.Client({ connectionString: postgres.database.url });
  await other.connect();
  await other.query("BEGIN");
  await other.query(`SELECT pg_advisory_xact_lock(hashtextextended('gloss:compact:' || $1, 0))`, [id]);
  expect(await compactRoom(postgres.sql, id)).toBeNull();
  expect(await rowsOf(id)).toHaveLength(2);
  await other.query("COMMIT");
  await other.end();
  expect(await compactRoom(postgres.sql, id)).toBeGreaterThan(0);
  expect(await rowsOf(id)).toHaveLength(1);
});

it("keeps no text that was written over: a hidden comment's old body leaves the log when it is compacted", async () => {
  const id = await postgres.freshRoom();
  const one = writer();
  one.doc.getMap(COMMENTS).set("a:1", { body: "words the instructor hid" });
  await appendBatch(postgres.sql, id, one.take(), { claims: [], withheld: [] });
  one.doc.getMap(COMMENTS).set("a:1", { body: "", withheld: true });
  await appendBatch(postgres.sql, id, one.take(), { claims: [], withheld: [] });
  const stored = async () => Buffer.concat((await rowsOf(id)).map((row) => Buffer.from(row.data))).toString("latin1");
  expect(await stored()).toContain("words the instructor hid");

  await compactRoom(postgres.sql, id);
  expect(await stored()).not.toContain("words the instructor hid");
});

it("stores claims and withheld comments with their batch, a comment withheld then shown again in one batch ending shown", async () => {
  const id = await postgres.freshRoom();
  const one = writer();
  one.doc.getMap(COMMENTS).set("a:1", { body: "hello" });
  const user = await postgres.database.db.user.findFirst();
  const value = { id: "c1", authorId: "a", authorName: "A", annotationId: "n", parentId: null, body: "full text", createdAt: 1, editedAt: null };
  await appendBatch(postgres.sql, id, one.take(), {
    claims: [{ clientId: one.doc.clientID, userId: user?.id ?? null }, { clientId: 7, userId: null }],
    withheld: [{ commentId: "c1", value }, { commentId: "c2", value: { ...value, id: "c2" } }, { commentId: "c2", value: null }],
  });
  const claims = await postgres.database.db.roomClient.findMany({ where: { roomId: id }, orderBy: { clientId: "asc" } });
  expect(claims.map((c) => [Number(c.clientId), c.userId]).sort()).toEqual([[one.doc.clientID, user?.id ?? null], [7, null]].sort());
  const withheld = await postgres.database.db.withheldComment.findMany({ where: { roomId: id } });
  expect(withheld.map((w) => [w.commentId, (w.value as { body: string }).body])).toEqual([["c1", "full text"]]);
  expect(await rowsOf(id)).toHaveLength(1);
});

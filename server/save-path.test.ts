/**
 * The promises of the save path, held against a real PostgreSQL that the test slows down or breaks on
 * purpose: nobody (the writer included) receives an update before its INSERT commits; updates that arrive
 * meanwhile share one INSERT; a failed INSERT is retried and nothing of it is sent until it succeeds; a
 * joiner is synced from what is stored without waiting for a stream of writes; the log is compacted in one
 * transaction; a reconnecting page's changes are held until its catch-up arrives, never refused.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ANNOTATIONS, entryKey } from "../lib/doc/layout";
import { highlight, putAnnotation } from "../tests/helpers/entries";
import { logOf, mapsOf, setupSeminar, type SeminarFixture } from "../tests/helpers/seminar-fixture";
import { connectClient, waitFor, type TestClient } from "../tests/helpers/y-client";
import { sessionCookie } from "../tests/helpers/users";

let f: SeminarFixture;

beforeAll(async () => {
  f = await setupSeminar({ compactAfter: 40 });
});

afterAll(async () => {
  await f.close();
});

/** A second connection to the test's database, for holding locks and installing triggers. */
async function admin() {
  const client = new pg.Client({ connectionString: f.database.url });
  await client.connect();
  return client;
}

/** Holds every INSERT into the log until `release` is called (SELECTs go on). */
async function holdInserts() {
  const client = await admin();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "RoomUpdate" IN EXCLUSIVE MODE`);
  return {
    /** Resolves once the server's INSERT is waiting on the lock: proof that it was sent and is held. */
    async waiting() {
      await expect
        .poll(async () => (await client.query(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = '"RoomUpdate"'::regclass AND NOT granted`)).rows[0].n, { timeout: 10_000 })
        .toBeGreaterThan(0);
    },
    async release() {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

/** Resolves once the server has handled everything `client` sent so far: frames of one connection are handled in order. */
async function handled(client: TestClient, witness: TestClient) {
  const marker = `m${Math.random().toString(36).slice(2, 10)}`;
  client.awareness.setLocalStateField("reading", marker);
  await expect.poll(() => [...witness.awareness.getStates().values()].some((s) => (s as { reading?: unknown }).reading === marker)).toBe(true);
}

const annotationKeys = (doc: Y.Doc) => [...doc.getMap(ANNOTATIONS).keys()].sort();
/** The frames `client` received that mention `text`. */
const mentions = (client: TestClient, text: string) => client.received.filter((frame) => Buffer.from(frame).includes(Buffer.from(text))).length;

function mark(user: { id: string; name: string }, i: number) {
  const paragraph = f.paragraphs[i % f.paragraphs.length]!;
  return highlight(user, paragraph, paragraph.text.slice(0, 6 + (i % 5)));
}

describe("broadcast after commit", () => {
  it("sends nobody an update, its writer included, until its INSERT has committed", async () => {
    const ada = await f.joined(f.ada);
    const ben = await f.joined(f.ben);
    const lock = await holdInserts();
    const note = mark(f.ada, 1);
    putAnnotation(ada.doc, note);
    await lock.waiting();
    await handled(ada, ben);
    expect(ben.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, note.id))).toBe(false);
    expect(mentions(ben, note.id)).toBe(0);
    expect(mentions(ada, note.id)).toBe(0); // no acknowledgement either: the page still says "not saved"
    await lock.release();
    await waitFor(ben.doc, () => ben.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, note.id)), 5000, "the note after the commit");
    await expect.poll(() => mentions(ada, note.id)).toBe(1);
  });

  it("puts everything that arrived while an INSERT was held into one INSERT", async () => {
    const ada = await f.joined(f.ada);
    const ben = await f.joined(f.ben);
    const lastBefore = (await f.database.db.roomUpdate.aggregate({ where: { roomId: f.firstRoom }, _max: { id: true } }))._max.id ?? 0n;
    const lock = await holdInserts();
    const notes = Array.from({ length: 30 }, (_, i) => mark(f.ada, i));
    putAnnotation(ada.doc, notes[0]!);
    await lock.waiting();
    for (const note of notes.slice(1)) putAnnotation(ada.doc, note); // thirty separate updates
    await handled(ada, ben);
    await lock.release();
    await waitFor(ben.doc, () => notes.every((n) => ben.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, n.id))), 10_000, "all thirty notes");
    const client = await admin();
    // Rows inserted by one statement share their transaction id.
    const { rows } = await client.query(`SELECT count(DISTINCT xmin::text)::int AS inserts, count(*)::int AS rows FROM "RoomUpdate" WHERE "roomId" = $1 AND id > $2`, [f.firstRoom, lastBefore]);
    await client.end();
    expect(rows[0]).toEqual({ inserts: 2, rows: 30 });
  });

  it("retries a failed INSERT and sends nothing of it until it is stored", async () => {
    const ada = await f.joined(f.ada);
    const ben = await f.joined(f.ben);
    const client = await admin();
    // A sequence counts the failed attempts: unlike the rows, it is not rolled back with them.
    await client.query(`CREATE SEQUENCE gloss_test_attempts`);
    await client.query(`CREATE FUNCTION gloss_test_fail() RETURNS trigger AS $$ BEGIN PERFORM nextval('gloss_test_attempts'); RAISE EXCEPTION 'disk full (test)'; END $$ LANGUAGE plpgsql`);
    await client.query(`CREATE TRIGGER gloss_test_fail BEFORE INSERT ON "RoomUpdate" FOR EACH ROW EXECUTE FUNCTION gloss_test_fail()`);
    const note = mark(f.ada, 7);
    putAnnotation(ada.doc, note);
    const attempts = async () => Number((await client.query(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM gloss_test_attempts`)).rows[0].n);
    await expect.poll(attempts, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(mentions(ben, note.id)).toBe(0);
    expect(mentions(ada, note.id)).toBe(0);
    await client.query(`DROP TRIGGER gloss_test_fail ON "RoomUpdate"`);
    await client.query(`DROP FUNCTION gloss_test_fail()`);
    await client.query(`DROP SEQUENCE gloss_test_attempts`);
    await client.end();
    await waitFor(ben.doc, () => ben.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, note.id)), 10_000, "the note once stored");
    await expect.poll(() => mentions(ada, note.id)).toBe(1);
    expect(annotationKeys((await logOf(f, f.firstRoom)).doc)).toContain(entryKey(f.ada.id, note.id));
  });
});

describe("joining while others write", () => {
  it("syncs a joiner at once from what is stored, even while a stream of writes waits to be stored", async () => {
    const ada = await f.joined(f.ada);
    const ben = await f.joined(f.ben);
    const stored = annotationKeys(ben.doc);
    const lock = await holdInserts();
    const notes = Array.from({ length: 50 }, (_, i) => mark(f.ada, 100 + i));
    putAnnotation(ada.doc, notes[0]!);
    await lock.waiting();
    for (const note of notes.slice(1)) putAnnotation(ada.doc, note);
    await handled(ada, ben);
    // The INSERT is still held: the joiner's sync must not wait for it, and must not include it.
    const joiner = await f.joined(f.teacher);
    expect(annotationKeys(joiner.doc)).toEqual(stored);
    await lock.release();
    await waitFor(joiner.doc, () => notes.every((n) => joiner.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, n.id))), 10_000, "the stream, once stored");
  });
});

describe("compaction", () => {
  it("replaces the log by one update holding everything, and the room loads the same from it", async () => {
    const ada = await f.joined(f.ada);
    const ben = await f.joined(f.ben);
    // A hundred updates, each its own log row: without compaction the log would only grow. The server compacts
    // after 40 rows once the log has also grown by the size of what the last compaction left.
    for (let i = 0; i < 100; i++) {
      putAnnotation(ada.doc, mark(f.ada, 200 + i));
      if (i % 10 === 9) await waitFor(ben.doc, () => annotationKeys(ben.doc).length === annotationKeys(ada.doc).length, 10_000, "the notes so far at Ben");
    }
    await expect.poll(async () => (await logOf(f, f.firstRoom)).rows.length, { timeout: 10_000 }).toBeLessThan(100);
    const log = await logOf(f, f.firstRoom);
    expect(log.pending).toBe(false);
    expect(mapsOf(log.doc)).toEqual(mapsOf(ben.doc));
    await f.restart({ compactAfter: 40 });
    const fresh = await f.joined(f.teacher);
    expect(mapsOf(fresh.doc)).toEqual(mapsOf(log.doc));
  });
});

describe("a page that reconnects", () => {
  it("has the changes it sends before its catch-up held, not refused, and stored once the catch-up arrives", async () => {
    const witness = await f.joined(f.teacher);
    const doc = new Y.Doc();
    const first = await f.joined(f.ada, f.firstRoom, doc);
    const saved = mark(f.ada, 300);
    putAnnotation(doc, saved);
    await waitFor(witness.doc, () => witness.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, saved.id)), 5000, "the first note");
    first.ws.terminate();
    await first.closed;
    const offline = mark(f.ada, 301); // written while disconnected: never sent
    putAnnotation(doc, offline);
    const next = mark(f.ada, 302); // written as the socket opens, before the page's sync step 2 has caught the server up
    const again = connectClient(f.server.roomUrl(f.firstRoom), { cookie: await sessionCookie(f.ada.id), origin: f.server.origin, doc });
    again.ws.once("open", () => putAnnotation(doc, next));
    await again.synced;
    await waitFor(witness.doc, () => [offline, next].every((n) => witness.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, n.id))), 5000, "both notes");
    expect(again.ws.readyState).toBe(again.ws.OPEN);
    again.ws.terminate();
  });

  it("refuses a held change whose missing content its catch-up does not bring either", async () => {
    const witness = await f.joined(f.teacher);
    const ghost = new Y.Doc();
    putAnnotation(ghost, mark(f.ada, 400)); // never sent anywhere
    const vector = Y.encodeStateVector(ghost);
    const after = mark(f.ada, 401);
    putAnnotation(ghost, after);
    const dangling = Y.encodeStateAsUpdate(ghost, vector);
    const page = await f.join(f.ada);
    page.ws.once("open", () => page.sendUpdate(dangling));
    expect((await page.closed).code).toBe(4422);
    await handled(await f.joined(f.ben), witness);
    expect(annotationKeys(witness.doc)).not.toContain(entryKey(f.ada.id, after.id));
  });
});

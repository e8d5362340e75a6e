/**
 * What seminar upkeep does to live rooms, with real sockets and a real database: an archived seminar's rooms let
 * everyone sync and show presence but close any writer with 4423 (Archived), leaving no trace; archiving closes
 * the connections already open, even when this server missed the event; an essay taken off the reading list
 * closes its room (4404) and brings the same discussion back when it returns.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createDb } from "../lib/db/client.server";
import { ANNOTATIONS, COMMENTS, entryKey } from "../lib/doc/layout";
import { CloseCode } from "../lib/live/wire";
import { addEssay } from "../lib/seminars/add-essay.server";
import { archiveSeminar } from "../lib/seminars/archive-seminar.server";
import { removeEssay } from "../lib/seminars/remove-essay.server";
import { unarchiveSeminar } from "../lib/seminars/unarchive-seminar.server";
import { databaseUrlWithName } from "../tests/helpers/database-url";
import { comment, highlight, putAnnotation, putComment } from "../tests/helpers/entries";
import { expectNoTrace, logOf, mapsOf, setupSeminar, traceBefore, type SeminarFixture, type User } from "../tests/helpers/seminar-fixture";
import { waitFor, type TestClient } from "../tests/helpers/y-client";
import { LISTENER_APPLICATION_NAME } from "./access-events";

let f: SeminarFixture;

beforeAll(async () => {
  f = await setupSeminar({ listen: true });
});

afterAll(async () => {
  await f.close();
});

const archive = () => archiveSeminar(f.database.db, { seminarId: f.firstSeminarId, userId: f.teacher.id });
const unarchive = () => unarchiveSeminar(f.database.db, { seminarId: f.firstSeminarId, userId: f.teacher.id });

/** A highlight with a comment by `user`, written on `client`'s document. */
function note(client: TestClient, user: User, words: string) {
  const paragraph = f.paragraphs.find((p) => p.text.includes(words))!;
  const mark = highlight(user, paragraph, words);
  client.doc.transact(() => {
    putAnnotation(client.doc, mark);
    putComment(client.doc, comment(user, mark.id, `On ${words}`));
  });
  return mark;
}

/** `client`'s presence reaches `witness`: the connection is open and the room answers it. */
async function expectPresenceReaches(client: TestClient, witness: TestClient) {
  const marker = `here-${Math.random().toString(36).slice(2, 10)}`;
  client.awareness.setLocalStateField("reading", marker);
  await new Promise<void>((resolve) => {
    const check = () => {
      const seen = [...witness.awareness.getStates().values()].some((state) => (state as { reading?: unknown }).reading === marker);
      if (!seen) return;
      witness.awareness.off("change", check);
      resolve();
    };
    witness.awareness.on("change", check);
    check();
  });
  expect(client.ws.readyState).toBe(client.ws.OPEN);
}

describe("an archived seminar's room", () => {
  it("lets every member sync the discussion and show presence, and closes anyone who writes with 4423, leaving no trace", async () => {
    const witness = await f.joined(f.teacher);
    const { mark, root } = await f.thread(f.ada, witness, "Moscow");
    await f.disconnectAll();
    await archive();
    try {
      const [reader, teacher] = await Promise.all([f.joined(f.ben), f.joined(f.teacher)]);
      expect(reader.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, mark.id))).toBe(true);
      await expectPresenceReaches(reader, teacher);

      // A student's note and reply; and, read-only for everyone, the instructor's own note and a moderating deletion.
      for (const [writer, write] of [
        [f.ben, (client: TestClient) => note(client, f.ben, "Taliban")],
        [f.ben, (client: TestClient) => putComment(client.doc, comment(f.ben, mark.id, "A reply after the end"))],
        [f.teacher, (client: TestClient) => note(client, f.teacher, "Kabul")],
        [f.teacher, (client: TestClient) => client.doc.getMap(COMMENTS).delete(entryKey(f.ada.id, root.id))],
      ] as const) {
        const before = await traceBefore(f, teacher);
        const attacker = await f.joined(writer);
        write(attacker);
        await expectNoTrace(f, attacker, teacher, before, f.firstRoom, CloseCode.Archived);
      }
      await expectPresenceReaches(reader, teacher);
    } finally {
      await f.disconnectAll();
      await unarchive();
    }
  });

  it("accepts a returning page whose catch-up carries only what the room has, deletions included; refuses one with unsent notes", async () => {
    // Ada's page writes a note and deletes it, so its catch-up (sync step 2) carries a deletion from then on.
    const page = await f.joined(f.ada);
    const mark = note(page, f.ada, "Moscow");
    const witness = await f.joined(f.teacher);
    await waitFor(witness.doc, () => witness.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, mark.id)), 5000, "Ada's note");
    page.doc.getMap(ANNOTATIONS).delete(entryKey(f.ada.id, mark.id));
    await waitFor(witness.doc, () => !witness.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, mark.id)), 5000, "the deletion");
    await expect.poll(async () => (await logOf(f, f.firstRoom)).doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, mark.id))).toBe(false);
    await f.disconnectAll();
    await archive();
    try {
      const returning = await f.joined(f.ada, f.firstRoom, page.doc);
      const teacher = await f.joined(f.teacher);
      await expectPresenceReaches(returning, teacher);
      expect(mapsOf(returning.doc)).toEqual(mapsOf(teacher.doc));

      // A page that wrote while offline brings the note in its catch-up: refused, and nothing of it is kept.
      const offline = new Y.Doc();
      Y.applyUpdate(offline, Y.encodeStateAsUpdate(page.doc));
      const unsent = highlight(f.ada, f.paragraphs[2]!, f.paragraphs[2]!.text.slice(0, 15));
      putAnnotation(offline, unsent);
      const before = await traceBefore(f, teacher);
      const late = await f.join(f.ada, f.firstRoom, offline);
      await expectNoTrace(f, late, teacher, before, f.firstRoom, CloseCode.Archived);
    } finally {
      await f.disconnectAll();
      await unarchive();
    }
  });

  it("closes the connections open on the seminar's rooms when it is archived, and no others; they reopen read-only", async () => {
    const [ada, teacher, cleo] = await Promise.all([f.joined(f.ada), f.joined(f.teacher), f.joined(f.cleo, f.secondRoom)]);
    await archive();
    try {
      expect((await ada.closed).code).toBe(CloseCode.Archived);
      expect((await teacher.closed).code).toBe(CloseCode.Archived);
      // The other seminar's room goes on: a note written there still arrives.
      const author = await f.joined(f.teacher, f.secondRoom);
      const mark = note(author, f.teacher, "Taliban");
      await waitFor(cleo.doc, () => cleo.doc.getMap(ANNOTATIONS).has(entryKey(f.teacher.id, mark.id)), 5000, "a note in the other seminar");
      expect(cleo.ws.readyState).toBe(cleo.ws.OPEN);

      const reopened = await f.joined(f.ada);
      const witness = await f.joined(f.ben);
      await expectPresenceReaches(reopened, witness);
      note(reopened, f.ada, "Moscow");
      expect((await reopened.closed).code).toBe(CloseCode.Archived);
    } finally {
      await f.disconnectAll();
      await unarchive();
    }
  });

  it("takes writes again once unarchived", async () => {
    await archive();
    await unarchive();
    const [writer, witness] = await Promise.all([f.joined(f.ben), f.joined(f.teacher)]);
    const mark = note(writer, f.ben, "Kabul");
    await waitFor(witness.doc, () => witness.doc.getMap(ANNOTATIONS).has(entryKey(f.ben.id, mark.id)), 5000, "Ben's note");
    await f.disconnectAll();
  });

  it("closes a writer whose archive this server missed, once it listens again", async () => {
    const writer = await f.joined(f.ben);
    const name = new URL(f.database.url).pathname.slice(1);
    // The archive goes through a connection opened beforehand: new connections are about to be refused.
    const archiver = createDb(f.database.url);
    await archiver.$queryRaw`SELECT 1`;
    const admin = new pg.Client({ connectionString: databaseUrlWithName(f.database.url, "postgres") });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      const { rows } = await admin.query("SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = $1 AND datname = $2", [
        LISTENER_APPLICATION_NAME,
        name,
      ]);
      expect(rows).toEqual([{ cut: true }]);
      await archiveSeminar(archiver, { seminarId: f.firstSeminarId, userId: f.teacher.id });
      expect(writer.ws.readyState).toBe(writer.ws.OPEN);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
      await archiver.$disconnect();
    }
    try {
      // Listening again, the server checks every open connection and finds this one writable in an archived room.
      expect((await writer.closed).code).toBe(CloseCode.Archived);
    } finally {
      await f.disconnectAll();
      await unarchive();
    }
  });
});

describe("an essay taken off the reading list", () => {
  it("closes its room for everyone at once, refuses it before any byte, and brings the same discussion back when added again", async () => {
    const witness = await f.joined(f.ben);
    const { mark, root } = await f.thread(f.ada, witness, "Kabul");
    const [ada, teacher] = await Promise.all([f.joined(f.ada), f.joined(f.teacher)]);
    const cleo = await f.joined(f.cleo, f.secondRoom);
    const discussion = mapsOf(witness.doc);

    await removeEssay(f.database.db, { seminarId: f.firstSeminarId, essayId: f.essayId, userId: f.teacher.id });
    try {
      for (const client of [witness, ada, teacher]) expect((await client.closed).code).toBe(CloseCode.RoomNotFound);
      const again = await f.join(f.ada);
      expect((await again.closed).code).toBe(CloseCode.RoomNotFound);
      expect(again.received).toEqual([]);
      // The other seminar's room on the same essay is not touched.
      await expectPresenceReaches(cleo, await f.joined(f.teacher, f.secondRoom));
    } finally {
      await addEssay(f.database.db, { seminarId: f.firstSeminarId, essayId: f.essayId, userId: f.teacher.id });
    }
    const back = await f.joined(f.ben);
    expect(mapsOf(back.doc)).toEqual(discussion);
    expect(back.doc.getMap(COMMENTS).has(entryKey(f.ada.id, root.id))).toBe(true);
    expect(back.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, mark.id))).toBe(true);
    await f.disconnectAll();
  });
});

/**
 * The server's rules, tested with the hand-written y-protocols client logged in as a student who does not play
 * fair. Each refused write must leave the other readers' documents and the database as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANNOTATIONS, COMMENTS, HIDDEN, REACTIONS, RESOLVED, entryKey, privateRoomIdFor, roomIdFor, type Annotation } from "../lib/doc/layout";
import { ensurePrivateRoom } from "../lib/rooms/ensure-private-room.server";
import { addEssay } from "../lib/seminars/add-essay.server";
import { createSeminar } from "../lib/seminars/create-seminar.server";
import { joinSeminar } from "../lib/seminars/join-seminar.server";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { comment, highlight, putAnnotation, putComment } from "../tests/helpers/entries";
import { createUser, sessionCookie } from "../tests/helpers/users";
import { connectClient, waitFor, type TestClient } from "../tests/helpers/y-client";
import { startTestServer, type TestServer } from "../tests/helpers/ws-server";
import { CloseCode } from "../lib/live/wire";

type User = { id: string; name: string };
let database: TestDatabase;
let server: TestServer;
let essayId: string;
let paragraphs: Array<{ id: string; text: string }>;
let firstRoom: string;
let secondRoom: string;
let teacher: User, ada: User, ben: User, cleo: User;
const open: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  server = await startTestServer(db);
  const essay = await db.essay.findFirstOrThrow({ include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } } });
  essayId = essay.id;
  paragraphs = essay.paragraphs;
  [teacher, ada, ben, cleo] = await Promise.all(["Teacher", "Ada", "Ben", "Cleo"].map((name) => createUser(db, name)));
  const first = await createSeminar(db, { name: "Russia and its neighbours", term: "Spring", instructorId: teacher!.id });
  await joinSeminar(db, { code: first.inviteCode!, userId: ada!.id });
  await joinSeminar(db, { code: first.inviteCode!, userId: ben!.id });
  await addEssay(db, { seminarId: first.id, essayId, userId: teacher!.id });
  const second = await createSeminar(db, { name: "Another seminar", term: "Spring", instructorId: teacher!.id });
  await joinSeminar(db, { code: second.inviteCode!, userId: cleo!.id });
  await addEssay(db, { seminarId: second.id, essayId, userId: teacher!.id });
  firstRoom = roomIdFor(essayId, first.id);
  secondRoom = roomIdFor(essayId, second.id);
});

afterAll(async () => {
  open.forEach((client) => client.ws.terminate());
  await server.close();
  await database.drop();
});

async function join(user: User, roomId = firstRoom) {
  const client = connectClient(server.roomUrl(roomId), { cookie: await sessionCookie(user.id), origin: server.origin });
  open.push(client);
  return client;
}

async function joined(user: User, roomId = firstRoom) {
  const client = await join(user, roomId);
  await client.synced;
  return client;
}

/** Writes a highlight with a comment as `user` and waits until `witness` has it. */
async function thread(user: User, witness: TestClient, words = "Moscow") {
  const writer = await joined(user);
  const paragraph = paragraphs.find((p) => p.text.includes(words))!;
  const mark = highlight(user, paragraph, words);
  const root = comment(user, mark.id, `A thought on ${words}`);
  writer.doc.transact(() => {
    putAnnotation(writer.doc, mark);
    putComment(writer.doc, root);
  });
  await waitFor(witness.doc, () => witness.doc.getMap(COMMENTS).has(entryKey(user.id, root.id)), 5000, "the thread");
  await expect.poll(() => database.db.comment.findFirst({ where: { id: root.id } })).not.toBeNull();
  return { mark, root, writer };
}

/** A snapshot of what a refused write must not change. */
async function stateOf(witness: TestClient) {
  return {
    doc: JSON.stringify(witness.doc.toJSON()),
    annotations: await database.db.annotation.count(),
    comments: await database.db.comment.findMany({ orderBy: { id: "asc" } }),
    reactions: await database.db.reaction.count(),
  };
}

async function expectRefused(attacker: TestClient, witness: TestClient, before: Awaited<ReturnType<typeof stateOf>>) {
  expect((await attacker.closed).code).toBe(CloseCode.UpdateRefused);
  // A later, allowed write still reaches the witness: the room works and the refused one never arrived.
  await thread(teacher, witness, "Kremlin");
  const after = await stateOf(witness);
  const docAfter = JSON.parse(after.doc);
  const docBefore = JSON.parse(before.doc);
  for (const map of [COMMENTS, ANNOTATIONS]) {
    for (const key of Object.keys(docAfter[map] ?? {})) {
      if (!key.startsWith(`${teacher.id}:`)) expect(docAfter[map][key]).toEqual(docBefore[map]?.[key]);
    }
  }
  expect(after.reactions).toBe(before.reactions);
  expect(after.comments.filter((c) => c.authorId !== teacher.id)).toEqual(before.comments.filter((c) => c.authorId !== teacher.id));
}

describe("who may open a room", () => {
  it("refuses a seminar's room to a member of another seminar, before any byte", async () => {
    const outsider = await join(cleo, firstRoom);
    expect((await outsider.closed).code).toBe(CloseCode.Forbidden);
    expect(outsider.received).toEqual([]);
  });

  it("refuses someone's private notes to everyone else, instructors included", async () => {
    const notes = await ensurePrivateRoom(database.db, essayId, ada.id);
    expect(notes).toBe(privateRoomIdFor(essayId, ada.id));
    const owner = await joined(ada, notes);
    putAnnotation(owner.doc, highlight(ada, paragraphs[0]!, "Moscow"));
    for (const user of [ben, teacher]) {
      const snoop = await join(user, notes);
      expect((await snoop.closed).code).toBe(CloseCode.Forbidden);
      expect(snoop.received).toEqual([]);
    }
  });

  it("keeps two seminars' layers on the same essay apart", async () => {
    const member = await joined(ada);
    const other = await joined(cleo, secondRoom);
    const mark = highlight(cleo, paragraphs[0]!, "Taliban");
    putAnnotation(other.doc, mark);
    await expect.poll(() => database.db.annotation.findFirst({ where: { id: mark.id } })).toMatchObject({ roomId: secondRoom });
    expect(member.doc.getMap(ANNOTATIONS).has(entryKey(cleo.id, mark.id))).toBe(false);
    const late = await joined(ben);
    expect(late.doc.getMap(ANNOTATIONS).has(entryKey(cleo.id, mark.id))).toBe(false);
  });
});

describe("a student who does not play fair", () => {
  it("cannot post a comment in another member's name", async () => {
    const witness = await joined(teacher);
    const { mark } = await thread(ada, witness);
    const before = await stateOf(witness);
    const attacker = await joined(ben);
    putComment(attacker.doc, comment(ada, mark.id, "I take it all back."));
    await expectRefused(attacker, witness, before);
  });

  it("cannot edit another member's annotation or comment", async () => {
    const witness = await joined(teacher);
    const { mark, root } = await thread(ada, witness, "Beijing");
    const before = await stateOf(witness);
    const attacker = await joined(ben);
    const edited: Annotation = { ...mark, color: "pink" };
    attacker.doc.getMap(ANNOTATIONS).set(entryKey(ada.id, mark.id), edited);
    await expectRefused(attacker, witness, before);
    const again = await joined(ben);
    again.doc.getMap(COMMENTS).set(entryKey(ada.id, root.id), { ...root, body: "Edited by Ben" });
    await expectRefused(again, witness, await stateOf(witness));
  });

  it("cannot delete another member's annotation", async () => {
    const witness = await joined(teacher);
    const { mark } = await thread(ada, witness, "Washington");
    const before = await stateOf(witness);
    const attacker = await joined(ben);
    attacker.doc.getMap(ANNOTATIONS).delete(entryKey(ada.id, mark.id));
    await expectRefused(attacker, witness, before);
  });

  it("cannot write with a Yjs client id another member has used", async () => {
    const witness = await joined(teacher);
    const { writer } = await thread(ada, witness, "Kabul");
    const before = await stateOf(witness);
    const attacker = await joined(ben);
    // Set after syncing: Yjs itself picks a new client id when a synced update shows its own in use.
    attacker.doc.clientID = writer.doc.clientID;
    putAnnotation(attacker.doc, highlight(ben, paragraphs[1]!, "Kabul"));
    await expectRefused(attacker, witness, before);
  });

  it("cannot hide a comment", async () => {
    const witness = await joined(teacher);
    const { root } = await thread(ada, witness, "China");
    const before = await stateOf(witness);
    const attacker = await joined(ben);
    attacker.doc.getMap(HIDDEN).set(root.id, { id: root.id, byId: ben.id, byName: ben.name, at: Date.now() });
    await expectRefused(attacker, witness, before);
  });

  it("cannot resolve someone else's thread, nor react in another's name", async () => {
    const witness = await joined(teacher);
    const { root } = await thread(ada, witness, "Uzbekistan");
    const attacker = await joined(ben);
    attacker.doc.getMap(RESOLVED).set(root.id, { id: root.id, byId: ben.id, byName: ben.name, at: Date.now() });
    await expectRefused(attacker, witness, await stateOf(witness));
    const again = await joined(ben);
    again.doc.getMap(REACTIONS).set(entryKey(ada.id, root.id), { id: root.id, authorId: ada.id, authorName: ada.name, reaction: "agree", createdAt: Date.now() });
    await expectRefused(again, witness, await stateOf(witness));
  });

  it("cannot mention someone outside the seminar or use a tag the seminar does not have", async () => {
    const witness = await joined(teacher);
    const { mark } = await thread(ada, witness, "Tajikistan");
    const attacker = await joined(ben);
    putComment(attacker.doc, { ...comment(ben, mark.id, "@Cleo what do you think?"), mentions: [cleo.id] });
    await expectRefused(attacker, witness, await stateOf(witness));
    const again = await joined(ben);
    putComment(again.doc, { ...comment(ben, mark.id, "Tagged"), tags: ["gossip"] });
    await expectRefused(again, witness, await stateOf(witness));
  });
});

describe("what members may do", () => {
  it("lets the instructor hide a comment, live for students and in the database", async () => {
    const student = await joined(ben);
    const { root } = await thread(ada, student, "terrorist");
    const instructor = await joined(teacher);
    instructor.doc.getMap(HIDDEN).set(root.id, { id: root.id, byId: teacher.id, byName: teacher.name, at: Date.now() });
    await waitFor(student.doc, () => student.doc.getMap(HIDDEN).has(root.id), 5000, "the hide at the student");
    await expect.poll(async () => (await database.db.comment.findFirstOrThrow({ where: { id: root.id } })).hiddenAt).not.toBeNull();
    expect(instructor.ws.readyState).toBe(instructor.ws.OPEN);
  });

  it("lets a thread's author resolve it, others react once each, and mention members with seminar tags", async () => {
    const witness = await joined(teacher);
    const { root, mark, writer } = await thread(ada, witness, "Afghanistan");
    writer.doc.getMap(RESOLVED).set(root.id, { id: root.id, byId: ada.id, byName: ada.name, at: Date.now() });
    const reader = await joined(ben);
    reader.doc.transact(() => {
      reader.doc.getMap(REACTIONS).set(entryKey(ben.id, root.id), { id: root.id, authorId: ben.id, authorName: ben.name, reaction: "insightful", createdAt: Date.now() });
      putComment(reader.doc, { ...comment(ben, mark.id, "Agreed, @Ada", root.id), mentions: [ada.id], tags: ["evidence"] });
    });
    await waitFor(witness.doc, () => witness.doc.getMap(REACTIONS).has(entryKey(ben.id, root.id)) && witness.doc.getMap(RESOLVED).has(root.id), 5000, "reaction and resolve");
    await expect.poll(() => database.db.reaction.findMany({ where: { commentId: root.id } })).toEqual([
      expect.objectContaining({ userId: ben.id, emoji: "insightful" }),
    ]);
    await expect.poll(async () => (await database.db.comment.findFirstOrThrow({ where: { id: root.id } })).resolvedAt).not.toBeNull();
    expect(reader.ws.readyState).toBe(reader.ws.OPEN);
  });
});

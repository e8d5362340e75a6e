/**
 * The server's rules, tested with the hand-written y-protocols client logged in as a student who does not play
 * fair. Each refused write must leave the other readers' documents, the log and the database as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANNOTATIONS, COMMENTS, HIDDEN, REACTIONS, RESOLVED, entryKey, privateRoomIdFor, type Annotation } from "../lib/doc/layout";
import { CloseCode } from "../lib/live/wire";
import { ensurePrivateRoom } from "../lib/rooms/ensure-private-room.server";
import { comment, highlight, putAnnotation, putComment } from "../tests/helpers/entries";
import { expectNoTrace, setupSeminar, traceBefore, type SeminarFixture } from "../tests/helpers/seminar-fixture";
import { waitFor, type TestClient } from "../tests/helpers/y-client";

let f: SeminarFixture;
let essayId: string;
let paragraphs: SeminarFixture["paragraphs"];
let firstRoom: string;
let secondRoom: string;
let teacher: SeminarFixture["teacher"], ada: SeminarFixture["ada"], ben: SeminarFixture["ben"], cleo: SeminarFixture["cleo"];
let database: SeminarFixture["database"];

beforeAll(async () => {
  f = await setupSeminar();
  ({ essayId, paragraphs, firstRoom, secondRoom, teacher, ada, ben, cleo, database } = f);
});

afterAll(async () => {
  await f.close();
});

const join = (user: { id: string; name: string }, roomId = firstRoom) => f.join(user, roomId);
const joined = (user: { id: string; name: string }, roomId = firstRoom) => f.joined(user, roomId);
const thread = (user: { id: string; name: string }, witness: TestClient, words?: string) => f.thread(user, witness, words);
const stateOf = (witness: TestClient) => traceBefore(f, witness);
const expectRefused = (attacker: TestClient, witness: TestClient, before: Awaited<ReturnType<typeof stateOf>>) => expectNoTrace(f, attacker, witness, before);

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
  it("lets instructors, and only them, spotlight a passage in their presence", async () => {
    const witness = await joined(ada);
    const instructor = await joined(teacher);
    const student = await joined(ben);
    const spotlight = { paragraphId: paragraphs[2]!.id, start: 0, end: 12, words: paragraphs[2]!.text.slice(0, 12) };
    instructor.awareness.setLocalStateField("spotlight", spotlight);
    // In one message with a marker, so the witness is known to have the state that carried the spotlight.
    student.awareness.setLocalState({ reading: paragraphs[2]!.id, spotlight });
    const stateOf = (client: TestClient) => witness.awareness.getStates().get(client.doc.clientID) as { spotlight?: unknown; reading?: unknown } | undefined;
    await expect.poll(() => stateOf(instructor)?.spotlight).toEqual(spotlight);
    await expect.poll(() => stateOf(student)?.reading).toBe(paragraphs[2]!.id);
    expect(stateOf(student)?.spotlight).toBeNull();
  });

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

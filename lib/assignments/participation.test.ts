/**
 * Participation and status at their boundaries, against the real database. Rows of the relational copy are
 * written directly with chosen receivedAt times (the websocket server writes them in real use; see
 * participation-live.test.ts for that path), so every edge is an exact instant and no test waits on a clock.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { createUser } from "../../tests/helpers/users";
import { roomIdFor } from "../doc/layout";
import { addEssay } from "../seminars/add-essay.server";
import { createSeminar } from "../seminars/create-seminar.server";
import { joinSeminar } from "../seminars/join-seminar.server";
import { removeMember } from "../seminars/remove-member.server";
import { createAssignment } from "./create-assignment.server";
import { editAssignment } from "./edit-assignment.server";
import { extendDueDate } from "./extend-due-date.server";
import { getParticipation, type ParticipationRow } from "./get-participation.server";
import { listStudentAssignments } from "./list-student-assignments.server";
import { setAssignmentClosed } from "./set-assignment-closed.server";

type User = { id: string; name: string };
type Paragraph = { id: string; text: string };
let database: TestDatabase;
let teacher: User, ada: User, ben: User, dan: User;
let essayId: string;
let paragraphs: Paragraph[];

const OPENS = new Date("2027-05-01T08:00:00.000Z");
const DUE = new Date("2027-05-03T12:00:00.000Z");
const ms = (n: number) => new Date(DUE.getTime() + n);
const hours = (n: number) => ms(n * 3600_000);

beforeAll(async () => {
  database = await createTestDatabase();
  [teacher, ada, ben, dan] = await Promise.all(["Teacher", "Ada", "Ben", "Dan"].map((name) => createUser(database.db, name)));
  const essay = await database.db.essay.findFirstOrThrow({ include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } } });
  essayId = essay.id;
  paragraphs = essay.paragraphs.filter((p) => p.text.length > 60);
});
afterAll(() => database.drop());

/**
 * A seminar of its own (so its room starts empty) with Ada, Ben and Dan as students, and an assignment on a
 * passage from character 10 of paragraphs[1] to character 40 of paragraphs[3].
 */
async function newCase({ notes = 1, replies = 0, chosen }: { notes?: number; replies?: number; chosen?: User[] } = {}) {
  const { db } = database;
  const seminar = await createSeminar(db, { name: "Close reading", term: "Spring 2027", instructorId: teacher.id });
  for (const student of [ada, ben, dan]) await joinSeminar(db, { code: seminar.inviteCode!, userId: student.id });
  await addEssay(db, { seminarId: seminar.id, essayId, userId: teacher.id });
  const { id } = await createAssignment(db, {
    userId: teacher.id,
    seminarId: seminar.id,
    essayId,
    title: "Chapter two",
    prompt: "What is the *argument*?",
    passage: { startParagraphId: paragraphs[1]!.id, startOffset: 10, endParagraphId: paragraphs[3]!.id, endOffset: 40 },
    opensAt: OPENS,
    dueAt: DUE,
    audience: chosen ? "chosen" : "everyone",
    studentIds: chosen?.map((s) => s.id) ?? [],
    rule: { notes, replies },
  });
  const roomId = roomIdFor(essayId, seminar.id);
  const participation = async (now = hours(48)) => {
    const assignment = await db.assignment.findUniqueOrThrow({ where: { id } });
    return getParticipation(db, { assignment, now });
  };
  const rowOf = async (student: User, now?: Date): Promise<ParticipationRow> => {
    const row = (await participation(now)).rows.find((r) => r.student.id === student.id);
    if (!row) throw new Error(`${student.name} has no row`);
    return row;
  };
  return { seminarId: seminar.id, assignmentId: id, roomId, participation, rowOf };
}

type Place = { paragraph?: Paragraph; start?: number; end?: number; kind?: "highlight" | "paragraph" };

/** An annotation row as the relational copy writes it; by default a highlight on characters 20-30 of paragraphs[2]. */
async function note(roomId: string, author: User, at: Date, { paragraph = paragraphs[2]!, start = 20, end = 30, kind = "highlight" }: Place = {}) {
  const id = randomUUID();
  const highlight = kind === "highlight";
  await database.db.annotation.create({
    data: {
      id,
      roomId,
      paragraphId: paragraph.id,
      authorId: author.id,
      kind,
      color: highlight ? "yellow" : null,
      quote: highlight ? paragraph.text.slice(start, end) : null,
      start: highlight ? start : null,
      end: highlight ? end : null,
      createdAt: at,
      receivedAt: at,
    },
  });
  return id;
}

/** A comment row; `parentId` makes it a reply in that comment's thread. */
async function say(roomId: string, author: User, annotationId: string, at: Date, { parentId = null, body = "I think so" }: { parentId?: string | null; body?: string } = {}) {
  const id = randomUUID();
  await database.db.comment.create({ data: { id, roomId, annotationId, parentId, authorId: author.id, body, createdAt: at, receivedAt: at } });
  return id;
}

describe("the due time", () => {
  it("counts a note received exactly at the due time as on time, and one a millisecond later as late", async () => {
    const onTime = await newCase();
    await note(onTime.roomId, ada, DUE);
    expect(await onTime.rowOf(ada)).toMatchObject({ notes: 1, status: "done", metAt: DUE });

    const late = await newCase();
    await note(late.roomId, ada, ms(1));
    expect(await late.rowOf(ada)).toMatchObject({ notes: 1, status: "late", metAt: ms(1) });
  });

  it("is not late until after the due time, even with nothing done", async () => {
    const { rowOf, roomId } = await newCase({ notes: 2 });
    expect((await rowOf(ada, DUE)).status).toBe("not-started");
    expect((await rowOf(ada, ms(1))).status).toBe("late");
    await note(roomId, ada, hours(-1));
    expect((await rowOf(ada, DUE)).status).toBe("in-progress");
    expect((await rowOf(ada, ms(1))).status).toBe("late");
  });

  it("uses when the server received a note, not when its author says it was written", async () => {
    const { rowOf, roomId } = await newCase();
    const id = await note(roomId, ada, hours(1));
    await database.db.annotation.update({ where: { roomId_id: { roomId, id } }, data: { createdAt: hours(-24) } });
    expect(await rowOf(ada)).toMatchObject({ status: "late", firstActivityAt: hours(1) });
  });

  it("dates the rule from the item that completed it", async () => {
    const { rowOf, roomId } = await newCase({ notes: 2, replies: 1 });
    const first = await note(roomId, ben, hours(-30));
    await note(roomId, ada, hours(-20));
    await say(roomId, ada, first, hours(-10), { parentId: await say(roomId, ben, first, hours(-29)) });
    expect(await rowOf(ada)).toMatchObject({ notes: 1, replies: 1, status: "late", metAt: null });
    await note(roomId, ada, hours(3));
    expect(await rowOf(ada)).toMatchObject({ notes: 2, replies: 1, status: "late", metAt: hours(3) });
  });
});

describe("extensions", () => {
  it("moves one student's due time, and only theirs", async () => {
    const { rowOf, roomId, seminarId, assignmentId } = await newCase();
    await note(roomId, ada, hours(1));
    await note(roomId, ben, hours(1));
    await extendDueDate(database.db, { seminarId, assignmentId, studentId: ada.id, dueAt: hours(1), userId: teacher.id });
    expect(await rowOf(ada)).toMatchObject({ status: "done", dueAt: hours(1), extendedTo: hours(1) });
    expect(await rowOf(ben)).toMatchObject({ status: "late", dueAt: DUE, extendedTo: null });
  });

  it("never shortens anyone's time when the assignment's due time moves past the extension", async () => {
    const { rowOf, seminarId, assignmentId } = await newCase();
    await extendDueDate(database.db, { seminarId, assignmentId, studentId: ada.id, dueAt: hours(2), userId: teacher.id });
    const assignment = await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    await editAssignment(database.db, {
      assignmentId,
      userId: teacher.id,
      seminarId,
      essayId,
      title: assignment.title,
      prompt: assignment.prompt,
      passage: { startParagraphId: assignment.startParagraphId, startOffset: 10, endParagraphId: assignment.endParagraphId, endOffset: 40 },
      opensAt: OPENS,
      dueAt: hours(5),
      audience: "everyone",
      studentIds: [],
      rule: { notes: 1, replies: 0 },
    });
    expect((await rowOf(ada)).dueAt).toEqual(hours(5));
  });
});

describe("what counts", () => {
  it("drops a deleted annotation from the count", async () => {
    const { rowOf, roomId } = await newCase();
    const id = await note(roomId, ada, hours(-2));
    expect(await rowOf(ada)).toMatchObject({ notes: 1, status: "done" });
    await database.db.annotation.update({ where: { roomId_id: { roomId, id } }, data: { deletedAt: hours(-1) } });
    expect(await rowOf(ada)).toMatchObject({ notes: 0, status: "late", firstActivityAt: null, metAt: null });
  });

  it("counts a reply to a classmate, not a reply to oneself", async () => {
    const { rowOf, roomId } = await newCase({ notes: 0, replies: 1 });
    const mark = await note(roomId, ada, hours(-5));
    const root = await say(roomId, ada, mark, hours(-5), { body: "Opening words here" });
    await say(roomId, ada, mark, hours(-4), { parentId: root, body: "And more of my own" });
    expect(await rowOf(ada)).toMatchObject({ notes: 1, replies: 0, words: 8, status: "late" });
    await say(roomId, ben, mark, hours(-3), { parentId: root });
    expect(await rowOf(ben)).toMatchObject({ notes: 0, replies: 1, words: 3, status: "done" });
  });

  it("counts a reply to the instructor, and one whose parent was deleted since", async () => {
    const { rowOf, roomId } = await newCase({ notes: 0, replies: 2 });
    const mark = await note(roomId, teacher, hours(-5));
    const question = await say(roomId, teacher, mark, hours(-5));
    await say(roomId, ada, mark, hours(-4), { parentId: question });
    const other = await note(roomId, ben, hours(-5));
    const gone = await say(roomId, ben, other, hours(-5));
    await say(roomId, ada, other, hours(-4), { parentId: gone });
    await database.db.comment.update({ where: { roomId_id: { roomId, id: gone } }, data: { deletedAt: hours(-3) } });
    expect(await rowOf(ada)).toMatchObject({ replies: 2, status: "done" });
  });

  it("counts a highlight that starts inside the passage and ends after it, not one that ends where it starts", async () => {
    const { rowOf, roomId } = await newCase();
    const last = paragraphs[3]!;
    await note(roomId, ada, hours(-1), { paragraph: last, start: 30, end: 60 });
    expect((await rowOf(ada)).notes).toBe(1);
    await note(roomId, ben, hours(-1), { paragraph: paragraphs[1], start: 0, end: 10 });
    await note(roomId, ben, hours(-1), { paragraph: last, start: 40, end: 50 });
    await note(roomId, ben, hours(-1), { paragraph: paragraphs[4] });
    expect((await rowOf(ben)).notes).toBe(0);
  });

  it("counts a note on a paragraph the passage reaches into", async () => {
    const { rowOf, roomId } = await newCase();
    const mark = await note(roomId, ada, hours(-1), { paragraph: paragraphs[1], kind: "paragraph" });
    await say(roomId, ada, mark, hours(-1), { body: "The whole paragraph matters" });
    expect(await rowOf(ada)).toMatchObject({ notes: 1, words: 4 });
    const outside = await note(roomId, ben, hours(-1), { paragraph: paragraphs[0], kind: "paragraph" });
    await say(roomId, ben, outside, hours(-1));
    expect(await rowOf(ben)).toMatchObject({ notes: 0, words: 0, status: "late" });
  });

  it("leaves out hidden comments, and notes whose every word was hidden", async () => {
    const { rowOf, roomId } = await newCase({ notes: 1, replies: 1 });
    const mark = await note(roomId, ada, hours(-5));
    const root = await say(roomId, ada, mark, hours(-5), { body: "Something rude" });
    const reply = await say(roomId, ben, mark, hours(-4), { parentId: root, body: "A fair reply" });
    const hide = (id: string) => database.db.comment.update({ where: { roomId_id: { roomId, id } }, data: { hiddenAt: hours(-3) } });
    await hide(root);
    await hide(reply);
    expect(await rowOf(ada)).toMatchObject({ notes: 0, words: 0, status: "late" });
    expect(await rowOf(ben)).toMatchObject({ replies: 0, words: 0, status: "late" });
    // A bare highlight carries nothing an instructor could hide, so it counts.
    await note(roomId, ben, hours(-2));
    expect(await rowOf(ben)).toMatchObject({ notes: 1, replies: 0 });
    // Shown again: everything counts from when it was received.
    await database.db.comment.updateMany({ where: { roomId }, data: { hiddenAt: null } });
    expect(await rowOf(ben)).toMatchObject({ notes: 1, replies: 1, status: "done", metAt: hours(-2) });
  });

  it("ignores deleted comments and comments on deleted annotations", async () => {
    const { rowOf, roomId } = await newCase({ notes: 0, replies: 1 });
    const mark = await note(roomId, ben, hours(-5));
    const root = await say(roomId, ben, mark, hours(-5));
    const reply = await say(roomId, ada, mark, hours(-4), { parentId: root });
    await database.db.comment.update({ where: { roomId_id: { roomId, id: reply } }, data: { deletedAt: hours(-3) } });
    expect((await rowOf(ada)).replies).toBe(0);
    const other = await note(roomId, ben, hours(-5));
    await say(roomId, ada, other, hours(-4), { parentId: await say(roomId, ben, other, hours(-5)) });
    await database.db.annotation.update({ where: { roomId_id: { roomId, id: other } }, data: { deletedAt: hours(-3) } });
    expect((await rowOf(ada)).replies).toBe(0);
  });

  it("counts words and first and last activity over everything that counts", async () => {
    const { rowOf, roomId } = await newCase({ notes: 1, replies: 1 });
    const mark = await note(roomId, ada, hours(-6));
    const root = await say(roomId, ada, mark, hours(-5), { body: "Tolstoy’s well-known opening, in 3 parts." });
    await say(roomId, ben, mark, hours(-4), { parentId: root, body: "Yes." });
    await say(roomId, ada, mark, hours(-2), { parentId: root, body: "Thanks" });
    expect(await rowOf(ada)).toMatchObject({ notes: 1, replies: 0, words: 7, firstActivityAt: hours(-6), lastActivityAt: hours(-2), status: "late" });
    expect(await rowOf(ben)).toMatchObject({ notes: 0, replies: 1, words: 1, firstActivityAt: hours(-4), lastActivityAt: hours(-4), status: "late" });
    expect((await rowOf(dan)).status).toBe("late");
    expect((await rowOf(dan, hours(-1))).status).toBe("not-started");
    expect((await rowOf(ben, hours(-1))).status).toBe("in-progress");
  });

  it("stops counting at the close, and counts everything again once reopened", async () => {
    const { rowOf, roomId, seminarId, assignmentId } = await newCase();
    await setAssignmentClosed(database.db, { seminarId, assignmentId, userId: teacher.id, closed: true, now: hours(-3) });
    await note(roomId, ada, hours(-3));
    await note(roomId, ben, ms(-3 * 3600_000 + 1)); // a millisecond after the close
    expect(await rowOf(ada)).toMatchObject({ notes: 1, status: "done" });
    expect(await rowOf(ben)).toMatchObject({ notes: 0, status: "late" });
    await setAssignmentClosed(database.db, { seminarId, assignmentId, userId: teacher.id, closed: false, now: hours(-1) });
    expect(await rowOf(ben)).toMatchObject({ notes: 1, status: "done" });
  });
});

describe("the audience", () => {
  it("has rows for the chosen students only, whatever the others write", async () => {
    const { participation, roomId, seminarId } = await newCase({ chosen: [ada] });
    await note(roomId, ben, hours(-1));
    await note(roomId, teacher, hours(-1));
    expect((await participation()).rows.map((r) => r.student.name)).toEqual(["Ada"]);
    expect(await listStudentAssignments(database.db, { seminarId, userId: ben.id, now: hours(-1) })).toEqual([]);
    expect(await listStudentAssignments(database.db, { seminarId, userId: ada.id, now: hours(-1) })).toMatchObject([{ title: "Chapter two", status: "not-started" }]);
  });

  it("has a row for every student of the seminar and none for its instructors; a removed student drops out", async () => {
    const { participation, roomId, seminarId } = await newCase();
    await note(roomId, teacher, hours(-1));
    expect((await participation()).rows.map((r) => r.student.name)).toEqual(["Ada", "Ben", "Dan"]);
    await removeMember(database.db, { seminarId, memberId: dan.id, userId: teacher.id });
    expect((await participation()).rows.map((r) => r.student.name)).toEqual(["Ada", "Ben"]);
  });

  it("shows a student only assignments that are open, with their own status and due time", async () => {
    const { seminarId, assignmentId, roomId } = await newCase();
    expect(await listStudentAssignments(database.db, { seminarId, userId: ada.id, now: new Date(OPENS.getTime() - 1) })).toEqual([]);
    await note(roomId, ada, hours(-1));
    await extendDueDate(database.db, { seminarId, assignmentId, studentId: ben.id, dueAt: hours(24), userId: teacher.id });
    const [forAda] = await listStudentAssignments(database.db, { seminarId, userId: ada.id, now: OPENS });
    const [forBen] = await listStudentAssignments(database.db, { seminarId, userId: ben.id, now: hours(1) });
    expect(forAda).toMatchObject({ id: assignmentId, status: "done", dueAt: DUE, extended: false, counts: { notes: 1, replies: 0 } });
    expect(forBen).toMatchObject({ status: "not-started", dueAt: hours(24), extended: true });
    expect(await listStudentAssignments(database.db, { seminarId, userId: teacher.id, now: hours(1) })).toEqual([]);
  });
});

/**
 * Making, changing and reading assignments against a real database: what instructors may do, and that
 * students, members of other seminars and outsiders get nothing (not even whether an id exists).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAppError } from "../../tests/helpers/app-error";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { createUser } from "../../tests/helpers/users";
import { AppErrorCode } from "../errors/app-error";
import { createEssay } from "../essays/create-essay.server";
import { addEssay } from "../seminars/add-essay.server";
import { createSeminar } from "../seminars/create-seminar.server";
import { joinSeminar } from "../seminars/join-seminar.server";
import { createAssignment } from "./create-assignment.server";
import { deleteAssignment } from "./delete-assignment.server";
import { editAssignment } from "./edit-assignment.server";
import { extendDueDate } from "./extend-due-date.server";
import { getAssignment } from "./get-assignment.server";
import { getDashboard } from "./get-dashboard.server";
import { getParticipationTable } from "./get-participation-table.server";
import { listSeminarAssignments } from "./list-seminar-assignments.server";
import { ASSIGNMENT_NOT_AVAILABLE } from "./not-available";
import type { AssignmentFields } from "./schemas";
import { setAssignmentClosed } from "./set-assignment-closed.server";

type User = { id: string; name: string };
let database: TestDatabase;
let teacher: User, ada: User, ben: User, otherTeacher: User, cleo: User, outsider: User;
let essayId: string, otherEssayId: string;
let paragraphs: Array<{ id: string; text: string }>;
let seminarId: string, otherSeminarId: string;

const NOW = new Date("2027-05-01T12:00:00.000Z");
const DUE = new Date("2027-05-08T12:00:00.000Z");

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  [teacher, ada, ben, otherTeacher, cleo, outsider] = await Promise.all(["Teacher", "Ada", "Ben", "Other teacher", "Cleo", "Outsider"].map((name) => createUser(db, name)));
  const essay = await db.essay.findFirstOrThrow({ include: { paragraphs: { orderBy: { position: "asc" } } } });
  essayId = essay.id;
  paragraphs = essay.paragraphs;
  otherEssayId = (
    await createEssay(db, {
      slug: "a-second-essay",
      title: "A second essay",
      author: null,
      source: null,
      paragraphs: [{ kind: "body", text: "Not on the reading list of the seminar." }],
    })
  ).id;
  const seminar = await createSeminar(db, { name: "Close reading", term: "Spring 2027", instructorId: teacher.id });
  seminarId = seminar.id;
  await joinSeminar(db, { code: seminar.inviteCode!, userId: ada.id });
  await joinSeminar(db, { code: seminar.inviteCode!, userId: ben.id });
  await addEssay(db, { seminarId, essayId, userId: teacher.id });
  const otherSeminar = await createSeminar(db, { name: "Another seminar", term: "Spring 2027", instructorId: otherTeacher.id });
  otherSeminarId = otherSeminar.id;
  await joinSeminar(db, { code: otherSeminar.inviteCode!, userId: cleo.id });
  await addEssay(db, { seminarId: otherSeminarId, essayId, userId: otherTeacher.id });
});
afterAll(() => database.drop());

function fields(over: Partial<AssignmentFields> = {}): AssignmentFields {
  return {
    seminarId,
    title: "The opening",
    prompt: "Where does the argument *start*?",
    essayId,
    passage: { startParagraphId: paragraphs[1]!.id, endParagraphId: paragraphs[2]!.id },
    opensAt: new Date("2027-04-30T12:00:00.000Z"),
    dueAt: DUE,
    audience: "everyone",
    studentIds: [],
    rule: { notes: 2, replies: 1 },
    ...over,
  };
}

const create = (over: Partial<AssignmentFields> = {}, by = teacher) => createAssignment(database.db, { ...fields(over), userId: by.id });

describe("making an assignment", () => {
  it("stores whole paragraphs as the passage, quoted, with its rule and audience", async () => {
    const { id } = await create({ audience: "chosen", studentIds: [ada.id] });
    const stored = await database.db.assignment.findUniqueOrThrow({ where: { id }, include: { students: true } });
    expect(stored).toMatchObject({
      startParagraphId: paragraphs[1]!.id,
      startOffset: 0,
      endParagraphId: paragraphs[2]!.id,
      endOffset: paragraphs[2]!.text.length,
      quote: `${paragraphs[1]!.text}\n\n${paragraphs[2]!.text}`,
      rule: { notes: 2, replies: 1 },
      audience: "chosen",
      closedAt: null,
    });
    expect(stored.students.map((s) => s.userId)).toEqual([ada.id]);
  });

  it("keeps a passage of words within paragraphs as given", async () => {
    const { id } = await create({ passage: { startParagraphId: paragraphs[1]!.id, startOffset: 4, endParagraphId: paragraphs[1]!.id, endOffset: 12 } });
    expect((await database.db.assignment.findUniqueOrThrow({ where: { id } })).quote).toBe(paragraphs[1]!.text.slice(4, 12));
  });

  it("refuses an essay not on the reading list, a passage that ends before it starts, and students who are not the seminar's", async () => {
    await expectAppError(create({ essayId: otherEssayId }), AppErrorCode.InvalidInput, "Choose an essay on this seminar's reading list.");
    await expectAppError(create({ passage: { startParagraphId: paragraphs[2]!.id, endParagraphId: paragraphs[1]!.id } }), AppErrorCode.InvalidInput);
    const otherEssayParagraph = await database.db.paragraph.findFirstOrThrow({ where: { essayId: otherEssayId } });
    await expectAppError(create({ passage: { startParagraphId: paragraphs[1]!.id, endParagraphId: otherEssayParagraph.id } }), AppErrorCode.InvalidInput);
    for (const stranger of [cleo, outsider, teacher]) {
      await expectAppError(create({ audience: "chosen", studentIds: [ada.id, stranger.id] }), AppErrorCode.InvalidInput);
    }
  });

  it("is for the seminar's instructors only", async () => {
    const before = await database.db.assignment.count();
    await expectAppError(create({}, ada), AppErrorCode.Forbidden);
    await expectAppError(create({}, otherTeacher), AppErrorCode.Forbidden);
    await expectAppError(create({}, outsider), AppErrorCode.Forbidden);
    expect(await database.db.assignment.count()).toBe(before);
  });
});

describe("changing an assignment", () => {
  it("edits its fields and audience", async () => {
    const { id } = await create({ audience: "chosen", studentIds: [ada.id] });
    await editAssignment(database.db, { ...fields({ title: "Renamed", audience: "chosen", studentIds: [ben.id], rule: { notes: 1, replies: 0 } }), assignmentId: id, userId: teacher.id });
    const view = await getAssignment(database.db, { seminarId, assignmentId: id, userId: teacher.id, now: NOW });
    expect(view).toMatchObject({ title: "Renamed", studentIds: [ben.id], rule: { notes: 1, replies: 0 }, ruleText: "at least 1 note in the passage" });
    await editAssignment(database.db, { ...fields(), assignmentId: id, userId: teacher.id });
    expect(await database.db.assignmentStudent.count({ where: { assignmentId: id } })).toBe(0);
  });

  it("closes and reopens, keeping the first closing time", async () => {
    const { id } = await create();
    const close = (closed: boolean, now: Date) => setAssignmentClosed(database.db, { seminarId, assignmentId: id, userId: teacher.id, closed, now });
    await close(true, NOW);
    await close(true, DUE);
    expect((await database.db.assignment.findUniqueOrThrow({ where: { id } })).closedAt).toEqual(NOW);
    await close(false, DUE);
    expect((await database.db.assignment.findUniqueOrThrow({ where: { id } })).closedAt).toBeNull();
  });

  it("extends the due time for a student it is given to, and only to a later time", async () => {
    const { id } = await create({ audience: "chosen", studentIds: [ada.id] });
    const extend = (student: User, dueAt: Date) => extendDueDate(database.db, { seminarId, assignmentId: id, studentId: student.id, dueAt, userId: teacher.id });
    await extend(ada, new Date(DUE.getTime() + 86_400_000));
    await extend(ada, new Date(DUE.getTime() + 2 * 86_400_000));
    expect(await database.db.assignmentExtension.findMany({ where: { assignmentId: id }, select: { userId: true, dueAt: true } })).toEqual([
      { userId: ada.id, dueAt: new Date(DUE.getTime() + 2 * 86_400_000) },
    ]);
    await expectAppError(extend(ada, DUE), AppErrorCode.InvalidInput, "An extension must end after the assignment's own due time.");
    for (const notGiven of [ben, cleo, teacher]) await expectAppError(extend(notGiven, new Date(DUE.getTime() + 1)), AppErrorCode.InvalidInput);
  });

  it("deletes it with its audience and extensions", async () => {
    const { id } = await create({ audience: "chosen", studentIds: [ada.id] });
    await extendDueDate(database.db, { seminarId, assignmentId: id, studentId: ada.id, dueAt: new Date(DUE.getTime() + 1), userId: teacher.id });
    await deleteAssignment(database.db, { seminarId, assignmentId: id, userId: teacher.id });
    expect(await database.db.assignment.findUnique({ where: { id } })).toBeNull();
    expect(await database.db.assignmentExtension.count({ where: { assignmentId: id } })).toBe(0);
  });

  it("answers everyone but the seminar's instructors that the assignment does not exist, and changes nothing", async () => {
    const { id } = await create();
    const snapshot = () => database.db.assignment.findUniqueOrThrow({ where: { id }, include: { students: true, extensions: true } });
    const before = await snapshot();
    for (const [who, where] of [
      [ada, seminarId],
      [otherTeacher, seminarId],
      [otherTeacher, otherSeminarId], // their own seminar's id with this assignment's
      [teacher, otherSeminarId],
      [outsider, seminarId],
    ] as const) {
      const ref = { seminarId: where, assignmentId: id, userId: who.id };
      await expectAppError(editAssignment(database.db, { ...fields({ seminarId: where, title: "Taken over" }), ...ref }), AppErrorCode.NotFound, ASSIGNMENT_NOT_AVAILABLE);
      await expectAppError(deleteAssignment(database.db, ref), AppErrorCode.NotFound, ASSIGNMENT_NOT_AVAILABLE);
      await expectAppError(setAssignmentClosed(database.db, { ...ref, closed: true, now: NOW }), AppErrorCode.NotFound, ASSIGNMENT_NOT_AVAILABLE);
      await expectAppError(extendDueDate(database.db, { ...ref, studentId: ada.id, dueAt: new Date(DUE.getTime() + 1) }), AppErrorCode.NotFound, ASSIGNMENT_NOT_AVAILABLE);
      await expectAppError(getDashboard(database.db, { ...ref, now: NOW }), AppErrorCode.NotFound, ASSIGNMENT_NOT_AVAILABLE);
      await expectAppError(getParticipationTable(database.db, { ...ref, now: NOW }), AppErrorCode.NotFound, ASSIGNMENT_NOT_AVAILABLE);
    }
    await expectAppError(deleteAssignment(database.db, { seminarId, assignmentId: "no-such-assignment", userId: teacher.id }), AppErrorCode.NotFound, ASSIGNMENT_NOT_AVAILABLE);
    expect(await snapshot()).toEqual(before);
  });
});

describe("reading assignments", () => {
  it("shows an instructor every assignment of the seminar, soonest due first", async () => {
    const { db } = database;
    const seminar = await createSeminar(db, { name: "Listing", term: "Spring 2027", instructorId: teacher.id });
    await addEssay(db, { seminarId: seminar.id, essayId, userId: teacher.id });
    await create({ seminarId: seminar.id, title: "Later", dueAt: new Date(DUE.getTime() + 1000) });
    await create({ seminarId: seminar.id, title: "Sooner" });
    expect((await listSeminarAssignments(db, { seminarId: seminar.id, userId: teacher.id })).map((a) => a.title)).toEqual(["Sooner", "Later"]);
    await expectAppError(listSeminarAssignments(db, { seminarId: seminar.id, userId: ada.id }), AppErrorCode.Forbidden);
    await expectAppError(listSeminarAssignments(db, { seminarId: seminar.id, userId: otherTeacher.id }), AppErrorCode.Forbidden);
  });

  it("shows a student an open assignment given to them, without its audience or extensions", async () => {
    const { id } = await create({ audience: "chosen", studentIds: [ada.id] });
    await extendDueDate(database.db, { seminarId, assignmentId: id, studentId: ada.id, dueAt: new Date(DUE.getTime() + 60_000), userId: teacher.id });
    const view = await getAssignment(database.db, { seminarId, assignmentId: id, userId: ada.id, now: NOW });
    expect(view).toMatchObject({ id, role: "student", myDueAt: new Date(DUE.getTime() + 60_000), studentIds: [], extensions: [] });
    expect(view.essay.slug).toEqual(expect.any(String));
    const forTeacher = await getAssignment(database.db, { seminarId, assignmentId: id, userId: teacher.id, now: NOW });
    expect(forTeacher).toMatchObject({ role: "instructor", myDueAt: DUE, studentIds: [ada.id], extensions: [{ userId: ada.id }] });
  });

  it("tells a student not given it, a student before it opens, other seminars and outsiders that it does not exist", async () => {
    const { id } = await create({ audience: "chosen", studentIds: [ada.id], opensAt: new Date(NOW.getTime() + 1) });
    const read = (user: User, now = new Date(NOW.getTime() + 1), where = seminarId) => getAssignment(database.db, { seminarId: where, assignmentId: id, userId: user.id, now });
    expect((await read(ada)).id).toBe(id);
    await expectAppError(read(ada, NOW), AppErrorCode.NotFound, ASSIGNMENT_NOT_AVAILABLE);
    for (const user of [ben, cleo, otherTeacher, outsider]) await expectAppError(read(user), AppErrorCode.NotFound, ASSIGNMENT_NOT_AVAILABLE);
    await expectAppError(read(otherTeacher, undefined, otherSeminarId), AppErrorCode.NotFound, ASSIGNMENT_NOT_AVAILABLE);
    await expectAppError(read(teacher, undefined, otherSeminarId), AppErrorCode.NotFound, ASSIGNMENT_NOT_AVAILABLE);
  });

  it("gives instructors the dashboard: one row per student, with the rule in words", async () => {
    const { id } = await create();
    const dashboard = await getDashboard(database.db, { seminarId, assignmentId: id, userId: teacher.id, now: NOW });
    expect(dashboard.ruleText).toBe("at least 2 notes in the passage and 1 reply to a classmate");
    expect(dashboard.rows.map((r) => [r.student.name, r.status])).toEqual([
      ["Ada", "not-started"],
      ["Ben", "not-started"],
    ]);
  });
});

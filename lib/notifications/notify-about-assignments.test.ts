import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { createUser } from "../../tests/helpers/users";
import { createAssignment } from "../assignments/create-assignment.server";
import { extendDueDate } from "../assignments/extend-due-date.server";
import { addEssay } from "../seminars/add-essay.server";
import { archiveSeminar } from "../seminars/archive-seminar.server";
import { createSeminar } from "../seminars/create-seminar.server";
import { joinSeminar } from "../seminars/join-seminar.server";
import { notifyAboutAssignments } from "./notify-about-assignments.server";

let database: TestDatabase;
let teacher: { id: string }, ada: { id: string }, ben: { id: string };
let seminarId: string, essayId: string;
let paragraphs: Array<{ id: string }>;

const HOUR = 3_600_000;
const NOW = new Date("2027-05-01T12:00:00.000Z");

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  [teacher, ada, ben] = await Promise.all(["Teacher", "Ada", "Ben"].map((name) => createUser(db, name)));
  const essay = await db.essay.findFirstOrThrow({ include: { paragraphs: { orderBy: { position: "asc" } } } });
  essayId = essay.id;
  paragraphs = essay.paragraphs;
  const seminar = await createSeminar(db, { name: "Reminded", term: "Spring", instructorId: teacher.id });
  seminarId = seminar.id;
  await joinSeminar(db, { code: seminar.inviteCode!, userId: ada.id });
  await joinSeminar(db, { code: seminar.inviteCode!, userId: ben.id });
  await addEssay(db, { seminarId, essayId, userId: teacher.id });
});

afterAll(() => database.drop());

async function assign(title: string, opensAt: Date, dueAt: Date, audience: { chosen?: string[] } = {}) {
  return createAssignment(database.db, {
    userId: teacher.id,
    seminarId,
    essayId,
    title,
    prompt: "Read closely.",
    passage: { startParagraphId: paragraphs[1]!.id, endParagraphId: paragraphs[1]!.id },
    opensAt,
    dueAt,
    audience: audience.chosen ? "chosen" : "everyone",
    studentIds: audience.chosen ?? [],
    rule: { notes: 1, replies: 0 },
  });
}

const kinds = (userId: string) => database.db.notification.findMany({ where: { userId }, orderBy: { key: "asc" }, select: { kind: true, key: true } });

it("tells each student of an assignment once when it opens, and not before", async () => {
  const later = await assign("Opens tomorrow", new Date(NOW.getTime() + 24 * HOUR), new Date(NOW.getTime() + 9 * 24 * HOUR));
  const chosen = await assign("For Ada", new Date(NOW.getTime() - HOUR), new Date(NOW.getTime() + 7 * 24 * HOUR), { chosen: [ada.id] });
  await notifyAboutAssignments(database.db, { now: NOW });
  await notifyAboutAssignments(database.db, { now: NOW }); // a second run, or a second server, tells nobody twice
  expect(await kinds(ada.id)).toEqual([{ kind: "assignment", key: `assignment:${chosen.id}` }]);
  expect(await kinds(ben.id)).toEqual([]);
  expect(await kinds(teacher.id)).toEqual([]);
  await notifyAboutAssignments(database.db, { now: new Date(NOW.getTime() + 25 * HOUR) });
  expect(await kinds(ben.id)).toEqual([{ kind: "assignment", key: `assignment:${later.id}` }]);
});

it("reminds a student who has not done it when their own due time is within a day", async () => {
  const due = new Date(NOW.getTime() + 40 * HOUR);
  const soon = await assign("Due soon", new Date(NOW.getTime() - 10 * 24 * HOUR), due); // opened too long ago to be announced
  await extendDueDate(database.db, { seminarId, assignmentId: soon.id, userId: teacher.id, studentId: ben.id, dueAt: new Date(due.getTime() + 48 * HOUR) });
  await notifyAboutAssignments(database.db, { now: NOW }); // 40 hours before: too early
  expect((await kinds(ada.id)).filter((n) => n.key === `due:${soon.id}`)).toEqual([]);
  await notifyAboutAssignments(database.db, { now: new Date(due.getTime() - 23 * HOUR) });
  expect((await kinds(ada.id)).filter((n) => n.key.endsWith(soon.id))).toEqual([{ kind: "due_soon", key: `due:${soon.id}` }]);
  // Ben's extension puts his due time two days later: not yet.
  expect((await kinds(ben.id)).filter((n) => n.key.endsWith(soon.id))).toEqual([]);
  await notifyAboutAssignments(database.db, { now: new Date(due.getTime() + 25 * HOUR) });
  expect((await kinds(ben.id)).filter((n) => n.key.endsWith(soon.id))).toEqual([{ kind: "due_soon", key: `due:${soon.id}` }]);
});

it("tells nobody about an archived seminar's assignments", async () => {
  const { db } = database;
  const archived = await createSeminar(db, { name: "Over", term: "Autumn", instructorId: teacher.id });
  await joinSeminar(db, { code: archived.inviteCode!, userId: ada.id });
  await addEssay(db, { seminarId: archived.id, essayId, userId: teacher.id });
  const { id } = await createAssignment(db, {
    userId: teacher.id,
    seminarId: archived.id,
    essayId,
    title: "Due soon, in an archived seminar",
    prompt: "Read closely.",
    passage: { startParagraphId: paragraphs[1]!.id, endParagraphId: paragraphs[1]!.id },
    opensAt: new Date(NOW.getTime() - HOUR),
    dueAt: new Date(NOW.getTime() + 10 * HOUR),
    audience: "everyone",
    studentIds: [],
    rule: { notes: 1, replies: 0 },
  });
  await archiveSeminar(db, { seminarId: archived.id, userId: teacher.id });
  await notifyAboutAssignments(db, { now: NOW });
  expect((await kinds(ada.id)).filter((n) => n.key.endsWith(id))).toEqual([]);
});

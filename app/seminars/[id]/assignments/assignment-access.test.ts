/**
 * Who gets what from assignments, asked the way a browser asks: the real server actions, the CSV route handler
 * and the pages' server components, run inside Next's request scope with the visitor's session cookie. A
 * student, members of another seminar and a signed-out visitor get nothing (a refusal, a 404 or the way to sign
 * in) and change nothing; the seminar's instructor gets everything.
 */
import { asRequest, outcomeOf, useAppEnvironment, type Outcome } from "@/tests/helpers/next-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssignment } from "@/lib/assignments/create-assignment.server";
import { closeChannelFeeds } from "@/lib/db/channel-feed.server";
import { addEssay } from "@/lib/seminars/add-essay.server";
import { createSeminar } from "@/lib/seminars/create-seminar.server";
import { joinSeminar } from "@/lib/seminars/join-seminar.server";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/database";
import { createUser, sessionCookie } from "@/tests/helpers/users";
import AssignmentLayout from "./[assignmentId]/layout";
import AssignmentPage from "./[assignmentId]/page";
import EditAssignmentPage from "./[assignmentId]/edit/page";
import { editAssignmentAction } from "./[assignmentId]/edit/edit-assignment-action";
import { deleteAssignmentAction } from "./[assignmentId]/delete-assignment-action";
import { extendDueDateAction } from "./[assignmentId]/extend-due-date-action";
import { GET as dashboardEvents } from "./[assignmentId]/events/route";
import { GET as participationCsv } from "./[assignmentId]/participation.csv/route";
import { setAssignmentClosedAction } from "./[assignmentId]/set-assignment-closed-action";
import { createAssignmentAction } from "./create-assignment-action";
import NewAssignmentPage from "./new/page";

type User = { id: string; name: string };
let database: TestDatabase;
let teacher: User, ada: User, ben: User, cleo: User, otherTeacher: User;
let seminarId: string, otherSeminarId: string;
let paragraphIds: string[];
/** Given to the whole seminar, and to Ben alone. */
let forAll: string, forBen: string;

beforeAll(async () => {
  database = await createTestDatabase();
  useAppEnvironment(database.url);
  const { db } = database;
  [teacher, ada, ben, cleo, otherTeacher] = await Promise.all(["Teacher", "Ada Lovelace", "Ben Okri", "Cleo Wu", "Other Teacher"].map((name) => createUser(db, name)));
  const essay = await db.essay.findFirstOrThrow({ include: { paragraphs: { orderBy: { position: "asc" }, select: { id: true } } } });
  paragraphIds = essay.paragraphs.map((p) => p.id);
  const seminar = await createSeminar(db, { name: "Close reading", term: "Spring 2027", instructorId: teacher.id });
  seminarId = seminar.id;
  for (const student of [ada, ben]) await joinSeminar(db, { code: seminar.inviteCode!, userId: student.id });
  await addEssay(db, { seminarId, essayId: essay.id, userId: teacher.id });
  const other = await createSeminar(db, { name: "Elsewhere", term: "Spring 2027", instructorId: otherTeacher.id });
  otherSeminarId = other.id;
  await joinSeminar(db, { code: other.inviteCode!, userId: cleo.id });
  await addEssay(db, { seminarId: otherSeminarId, essayId: essay.id, userId: otherTeacher.id });
  const base = {
    userId: teacher.id,
    seminarId,
    essayId: essay.id,
    prompt: "Read closely.",
    passage: { startParagraphId: paragraphIds[1]!, endParagraphId: paragraphIds[2]! },
    opensAt: new Date(Date.now() - 86_400_000),
    dueAt: new Date(Date.now() + 86_400_000),
    rule: { notes: 1, replies: 1 },
  };
  forAll = (await createAssignment(db, { ...base, title: "For everyone", audience: "everyone", studentIds: [] })).id;
  forBen = (await createAssignment(db, { ...base, title: "For Ben", audience: "chosen", studentIds: [ben.id] })).id;
});
afterAll(async () => {
  await closeChannelFeeds();
  await database.drop();
});

/** Runs `run` as a request from `user` (null: signed out) and says how it ended. */
async function as<T>(user: User | null, run: () => Promise<T>): Promise<Outcome<T>> {
  return outcomeOf(asRequest(user ? await sessionCookie(user.id) : null, run));
}

function formOf(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const one of [value].flat()) data.append(name, one);
  return data;
}

const fields = (over: Record<string, string | string[]> = {}) =>
  formOf({
    seminarId,
    title: "Taken over",
    prompt: "Anything",
    essayId: "",
    startParagraphId: paragraphIds[1]!,
    endParagraphId: paragraphIds[3]!,
    opensAt: "2027-05-01T09:00",
    dueAt: "2027-05-08T17:00",
    timeZone: "Europe/Berlin",
    audience: "everyone",
    notes: "1",
    replies: "0",
    ...over,
  });

async function essayId() {
  return (await database.db.essay.findFirstOrThrow({ select: { id: true } })).id;
}

/** Every action and route on `assignmentId`, with valid input, as `user`. */
async function tryEverything(user: User | null, assignmentId: string, where = seminarId) {
  const ref = { seminarId: where, assignmentId };
  const essay = await essayId();
  const csv = await as(user, () => participationCsv(new Request(`http://localhost:3000/seminars/${where}/assignments/${assignmentId}/participation.csv`), { params: Promise.resolve({ id: where, assignmentId }) }));
  const events = await as(user, () => dashboardEvents(new Request(`http://localhost:3000/seminars/${where}/assignments/${assignmentId}/events`), { params: Promise.resolve({ id: where, assignmentId }) }));
  return {
    // Always in the seminar under test: an instructor of another seminar may of course create in their own.
    create: await as(user, () => createAssignmentAction(null, fields({ essayId: essay }))),
    edit: await as(user, () => editAssignmentAction(null, fields({ ...ref, essayId: essay }))),
    close: await as(user, () => setAssignmentClosedAction(null, formOf({ ...ref, closed: "true" }))),
    extend: await as(user, () => extendDueDateAction(null, formOf({ ...ref, studentId: ben.id, dueAt: "2030-01-01T12:00", timeZone: "UTC" }))),
    remove: await as(user, () => deleteAssignmentAction(null, formOf(ref))),
    csv,
    events,
  };
}

/** What the assignments of both seminars look like in the database, for "nothing changed". */
function snapshot() {
  return database.db.assignment.findMany({ orderBy: { id: "asc" }, include: { students: true, extensions: true } });
}

const page = (id: string, assignmentId: string) => ({ params: Promise.resolve({ id, assignmentId }) });

/** The text and props of a server component's tree, to look for what it would send to the browser. */
function treeOf(node: unknown, seen = new WeakSet<object>()): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (node instanceof Date) return node.toISOString();
  if (typeof node !== "object" || node === null || seen.has(node)) return "";
  seen.add(node);
  const values = Array.isArray(node) ? node : "props" in node ? [(node as { props: unknown }).props] : Object.values(node);
  return values.map((value) => treeOf(value, seen)).join(" ");
}

describe("someone who may not manage the assignment", () => {
  const visitors = () =>
    [
      ["a student of the seminar", ada],
      ["a student of another seminar", cleo],
      ["an instructor of another seminar", otherTeacher],
      ["a signed-out visitor", null],
    ] as const;

  it("gets a refusal, a 404 or the way to sign in from every action and the CSV, and changes nothing", async () => {
    const before = await snapshot();
    for (const [who, user] of visitors()) {
      for (const [assignmentId, where] of [
        [forAll, seminarId],
        [forBen, seminarId],
        [forAll, otherSeminarId], // naming a seminar they do belong to does not help
      ] as const) {
        const got = await tryEverything(user, assignmentId, where);
        for (const [action, outcome] of Object.entries(got)) {
          if (action === "csv" || action === "events") {
            const response = (outcome as { value: Response }).value;
            expect(response.status, `${who}: ${action}`).toBe(404);
            expect(await response.text()).not.toMatch(/Ada|Ben|@example/);
          } else if (user === null) {
            expect(outcome, `${who}: ${action}`).toEqual({ redirect: expect.stringMatching(/^\/sign-in\?next=/) });
          } else {
            expect(outcome, `${who}: ${action}`).toEqual({ value: { ok: false, formError: expect.any(String) } });
          }
        }
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("gets a 404 (or the way to sign in) from the pages for making, editing and managing it", async () => {
    for (const [who, user] of visitors()) {
      const expected = user === null ? { redirect: expect.stringMatching(/^\/sign-in\?next=/) } : { notFound: true };
      expect(await as(user, () => NewAssignmentPage({ params: Promise.resolve({ id: seminarId }), searchParams: Promise.resolve({}) })), `${who}: new`).toEqual(expected);
      expect(await as(user, () => EditAssignmentPage(page(seminarId, forAll))), `${who}: edit`).toEqual(expected);
      expect(await as(user, () => AssignmentLayout({ children: null, params: Promise.resolve({ id: seminarId, assignmentId: forBen }) })), `${who}: layout`).toEqual(expected);
      expect(await as(user, () => AssignmentPage(page(seminarId, forBen))), `${who}: page`).toEqual(expected);
    }
  });

  it("sees, as a student, an assignment given to them without anyone else's participation", async () => {
    const shown = await as(ada, () => AssignmentPage(page(seminarId, forAll)));
    expect(shown).toEqual({ value: expect.anything() });
    const tree = treeOf((shown as { value: unknown }).value);
    expect(tree).toContain("Read closely.");
    expect(tree).not.toContain("Ben Okri");
    expect(tree).not.toContain("participation.csv");
  });
});

describe("the seminar's instructor", () => {
  it("sees the dashboard with every student it is given to", async () => {
    const shown = await as(teacher, () => AssignmentPage(page(seminarId, forAll)));
    const tree = treeOf((shown as { value: unknown }).value);
    expect(tree).toContain("Ada Lovelace");
    expect(tree).toContain("Ben Okri");
    expect(tree).toContain("participation.csv");
    expect(tree).toContain(`/seminars/${seminarId}/assignments/${forAll}/events`); // the live feed the page listens to
  });

  it("gets the live feed of the dashboard", async () => {
    const aborted = new AbortController();
    const request = new Request(`http://localhost:3000/seminars/${seminarId}/assignments/${forAll}/events`, { signal: aborted.signal });
    const outcome = await as(teacher, () => dashboardEvents(request, page(seminarId, forAll)));
    const response = (outcome as { value: Response }).value;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const first = await response.body!.getReader().read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^data: \{"version":"[^"]+"\}\n\n$/);
    aborted.abort();
  });

  it("creates, edits, closes, extends, downloads and deletes", async () => {
    const essay = await essayId();
    const created = await as(teacher, () => createAssignmentAction(null, fields({ essayId: essay, title: "Made by a test" })));
    expect(created).toEqual({ redirect: expect.stringMatching(new RegExp(`^/seminars/${seminarId}/assignments/[^/]+$`)) });
    const assignmentId = (created as { redirect: string }).redirect.split("/").at(-1)!;
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toMatchObject({
      title: "Made by a test",
      dueAt: new Date("2027-05-08T15:00:00.000Z"),
      endParagraphId: paragraphIds[3],
    });
    const ref = { seminarId, assignmentId };

    expect(await as(teacher, () => editAssignmentAction(null, fields({ ...ref, essayId: essay, title: "Renamed", audience: "chosen", studentIds: [ada.id] })))).toEqual({
      redirect: `/seminars/${seminarId}/assignments/${assignmentId}`,
    });
    expect(await as(teacher, () => setAssignmentClosedAction(null, formOf({ ...ref, closed: "true" })))).toEqual({ value: { ok: true, message: expect.stringContaining("Closed") } });
    expect(await as(teacher, () => extendDueDateAction(null, formOf({ ...ref, studentId: ada.id, dueAt: "2030-01-01T12:00", timeZone: "UTC" })))).toEqual({
      value: { ok: true, message: expect.any(String) },
    });
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, include: { extensions: true, students: true } })).toMatchObject({
      title: "Renamed",
      closedAt: expect.any(Date),
      students: [{ userId: ada.id }],
      extensions: [{ userId: ada.id, dueAt: new Date("2030-01-01T12:00:00.000Z") }],
    });

    const csv = await as(teacher, () => participationCsv(new Request("http://localhost:3000/"), { params: Promise.resolve({ id: seminarId, assignmentId }) }));
    const response = (csv as { value: Response }).value;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="participation-renamed-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte order mark Excel needs
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("Student,Email,")).toBe(true);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(2); // the header and Ada: the only student it is given to

    expect(await as(teacher, () => deleteAssignmentAction(null, formOf(ref)))).toEqual({ redirect: `/seminars/${seminarId}` });
    expect(await database.db.assignment.findUnique({ where: { id: assignmentId } })).toBeNull();
  });

  it("is told what is wrong with the form, field by field", async () => {
    const essay = await essayId();
    expect(await as(teacher, () => createAssignmentAction(null, fields({ essayId: essay, title: "", dueAt: "2027-04-01T09:00" })))).toEqual({
      value: { ok: false, fieldErrors: { title: "Give the assignment a title.", dueAt: "The due time must come after the assignment opens." } },
    });
  });
});

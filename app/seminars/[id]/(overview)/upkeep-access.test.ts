/**
 * Who gets what from seminar upkeep, asked the way a browser asks: the real server actions and the pages' server
 * components, run inside Next's request scope with the visitor's session cookie. A student, an instructor of
 * another seminar and a signed-out visitor get a refusal or the way to sign in and change nothing; the seminar's
 * instructor gets it done. An essay taken off the list is a 404 to its members, and an archived seminar's
 * instructor is refused every change with one clear message.
 */
import { asRequest, outcomeOf, useAppEnvironment, type Outcome } from "@/tests/helpers/next-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveSeminar } from "@/lib/seminars/archive-seminar.server";
import { createSeminar } from "@/lib/seminars/create-seminar.server";
import { addEssay } from "@/lib/seminars/add-essay.server";
import { joinSeminar } from "@/lib/seminars/join-seminar.server";
import { SEMINAR_ARCHIVED } from "@/lib/seminars/require-editable-seminar.server";
import { INSTRUCTORS_ONLY } from "@/lib/seminars/require-instructor.server";
import { unarchiveSeminar } from "@/lib/seminars/unarchive-seminar.server";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/database";
import { createUser, sessionCookie } from "@/tests/helpers/users";
import SeminarEssayLayout from "../essays/[slug]/layout";
import { archiveSeminarAction } from "./archive-seminar-action";
import { removeEssayAction } from "./remove-essay-action";
import { renameSeminarAction } from "./rename-seminar-action";
import { unarchiveSeminarAction } from "./unarchive-seminar-action";

type User = { id: string; name: string };
let database: TestDatabase;
let teacher: User, ada: User, otherTeacher: User;
let seminarId: string;
let essay: { id: string; slug: string };

beforeAll(async () => {
  database = await createTestDatabase();
  useAppEnvironment(database.url);
  const { db } = database;
  [teacher, ada, otherTeacher] = await Promise.all(["Teacher", "Ada", "Other Teacher"].map((name) => createUser(db, name)));
  essay = await db.essay.findFirstOrThrow({ select: { id: true, slug: true } });
  const seminar = await createSeminar(db, { name: "Close reading", term: "Spring 2027", instructorId: teacher.id });
  seminarId = seminar.id;
  await joinSeminar(db, { code: seminar.inviteCode!, userId: ada.id });
  await addEssay(db, { seminarId, essayId: essay.id, userId: teacher.id });
  // The other teacher runs a seminar of their own, so they are an instructor, just not of this one.
  await createSeminar(db, { name: "Elsewhere", term: "Spring 2027", instructorId: otherTeacher.id });
});
afterAll(() => database.drop());

async function as<T>(user: User | null, run: () => Promise<T>): Promise<Outcome<T>> {
  return outcomeOf(asRequest(user ? await sessionCookie(user.id) : null, run));
}

function formOf(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}

/** Every upkeep action on the seminar, with valid input, as `user`. */
async function tryEverything(user: User | null) {
  return {
    rename: await as(user, () => renameSeminarAction(null, formOf({ seminarId, name: "Taken over", term: "Never" }))),
    removeEssay: await as(user, () => removeEssayAction(null, formOf({ seminarId, essayId: essay.id }))),
    archive: await as(user, () => archiveSeminarAction(null, formOf({ seminarId }))),
    unarchive: await as(user, () => unarchiveSeminarAction(null, formOf({ seminarId }))),
  };
}

function state() {
  return database.db.seminar.findUniqueOrThrow({ where: { id: seminarId }, select: { name: true, term: true, archivedAt: true, essays: { select: { essayId: true } } } });
}

const essayPage = () => SeminarEssayLayout({ children: null, params: Promise.resolve({ id: seminarId, slug: essay.slug }) });

describe("someone who does not teach the seminar", () => {
  it("gets a refusal or the way to sign in from every action, open or archived, and changes nothing", async () => {
    for (const archived of [false, true]) {
      if (archived) await archiveSeminar(database.db, { seminarId, userId: teacher.id });
      const before = await state();
      for (const [who, user] of [
        ["a student of the seminar", ada],
        ["an instructor of another seminar", otherTeacher],
        ["a signed-out visitor", null],
      ] as const) {
        for (const [action, outcome] of Object.entries(await tryEverything(user))) {
          const expected = user === null ? { redirect: expect.stringMatching(/^\/sign-in\?next=/) } : { value: { ok: false, formError: INSTRUCTORS_ONLY } };
          expect(outcome, `${who}: ${action}${archived ? " (archived)" : ""}`).toEqual(expected);
        }
      }
      expect(await state()).toEqual(before);
    }
    await unarchiveSeminar(database.db, { seminarId, userId: teacher.id });
  });
});

describe("the seminar's instructor", () => {
  it("renames, takes the essay off the list (its page is then a 404 to members) and puts it back", async () => {
    expect(await as(teacher, () => renameSeminarAction(null, formOf({ seminarId, name: " Russia and its neighbours ", term: "Autumn 2027" })))).toEqual({
      value: { ok: true, message: "Saved: Russia and its neighbours, Autumn 2027." },
    });
    expect(await as(ada, essayPage)).toEqual({ value: null });
    expect(await as(teacher, () => removeEssayAction(null, formOf({ seminarId, essayId: essay.id })))).toEqual({ value: expect.objectContaining({ ok: true }) });
    for (const user of [ada, teacher]) expect(await as(user, essayPage)).toEqual({ notFound: true });
    await addEssay(database.db, { seminarId, essayId: essay.id, userId: teacher.id });
    expect(await as(ada, essayPage)).toEqual({ value: null });
    expect(await state()).toMatchObject({ name: "Russia and its neighbours", term: "Autumn 2027", essays: [{ essayId: essay.id }] });
  });

  it("archives and unarchives; while archived every other change is refused with one clear message", async () => {
    expect(await as(teacher, () => archiveSeminarAction(null, formOf({ seminarId })))).toEqual({ value: expect.objectContaining({ ok: true }) });
    const before = await state();
    expect(before.archivedAt).not.toBeNull();
    // Still readable: the essay page opens.
    expect(await as(ada, essayPage)).toEqual({ value: null });
    const refused = { value: { ok: false, formError: SEMINAR_ARCHIVED } };
    expect(await as(teacher, () => renameSeminarAction(null, formOf({ seminarId, name: "Renamed", term: "Later" })))).toEqual(refused);
    expect(await as(teacher, () => removeEssayAction(null, formOf({ seminarId, essayId: essay.id })))).toEqual(refused);
    expect(await state()).toEqual(before);
    expect(await as(teacher, () => unarchiveSeminarAction(null, formOf({ seminarId })))).toEqual({ value: expect.objectContaining({ ok: true }) });
    expect((await state()).archivedAt).toBeNull();
  });
});

/**
 * Who may import, asked the way a browser asks: the real preview route and import action, run inside Next's request
 * scope with the visitor's session cookie, against a real database. Importing needs an instructor of a seminar that
 * is not archived; a student, an instructor whose only seminar is archived and a signed-out visitor are refused and
 * store nothing. An instructor previews and imports, into the library or onto a seminar they teach (not another's).
 */
import { asRequest, outcomeOf, useAppEnvironment, type Outcome } from "@/tests/helpers/next-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORTERS_ONLY } from "@/lib/essays/require-importer.server";
import { THROTTLE_RULES } from "@/lib/security/throttle-rules";
import { archiveSeminar } from "@/lib/seminars/archive-seminar.server";
import { createSeminar } from "@/lib/seminars/create-seminar.server";
import { joinSeminar } from "@/lib/seminars/join-seminar.server";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/database";
import { createUser, sessionCookie } from "@/tests/helpers/users";
import { importEssayAction } from "./import-essay-action";
import { POST as preview } from "./preview/route";

type User = { id: string; name: string };
let database: TestDatabase;
let teacher: User, student: User, retired: User;
let seminarId: string, otherSeminarId: string;

const PARAGRAPHS = JSON.stringify([
  { kind: "heading", text: "Beginnings" },
  { kind: "body", text: "The first paragraph of the imported essay." },
]);

beforeAll(async () => {
  database = await createTestDatabase();
  useAppEnvironment(database.url);
  const { db } = database;
  [teacher, student, retired] = await Promise.all(["Teacher", "Student", "Retired"].map((name) => createUser(db, name)));
  const seminar = await createSeminar(db, { name: "Close reading", term: "Spring 2027", instructorId: teacher.id });
  seminarId = seminar.id;
  await joinSeminar(db, { code: seminar.inviteCode!, userId: student.id });
  // Retired teaches only an archived seminar, which is no longer a place to read new essays.
  const old = await createSeminar(db, { name: "Last year", term: "Spring 2026", instructorId: retired.id });
  otherSeminarId = old.id;
  await archiveSeminar(db, { seminarId: old.id, userId: retired.id });
});
afterAll(() => database.drop());

async function as<T>(user: User | null, run: () => Promise<T>): Promise<Outcome<T>> {
  return outcomeOf(asRequest(user ? await sessionCookie(user.id) : null, run, "/essays/new"));
}

function formOf(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}

const importForm = (title: string, seminar = "") => formOf({ title, author: "Ann Lee", source: "pasted", seminarId: seminar, paragraphs: PARAGRAPHS });

async function previewAs(user: User | null, body: unknown) {
  const outcome = await as(user, async () => {
    const response = await preview(new Request("http://localhost:3000/essays/new/preview", { method: "POST", headers: { "content-type": "application/json", origin: "http://localhost:3000" }, body: JSON.stringify(body) }));
    return { status: response.status, body: (await response.json()) as { error?: string; preview?: { title: string } } };
  });
  return "value" in outcome ? outcome.value : outcome;
}

const essayCount = () => database.db.essay.count();

describe("someone who teaches no open seminar", () => {
  it("is refused a preview and an import, and nothing is stored", async () => {
    const before = await essayCount();
    for (const user of [student, retired]) {
      expect(await previewAs(user, { from: "paste", text: "A Title\n\nSome text." })).toEqual({ status: 403, body: { error: IMPORTERS_ONLY } });
      expect(await as(user, () => importEssayAction(null, importForm("Not allowed")))).toEqual({ value: { ok: false, formError: IMPORTERS_ONLY } });
    }
    expect(await previewAs(null, { from: "paste", text: "A Title\n\nSome text." })).toMatchObject({ status: 401 });
    expect(await as(null, () => importEssayAction(null, importForm("Not allowed")))).toEqual({ redirect: expect.stringMatching(/^\/sign-in\?next=/) });
    expect(await essayCount()).toBe(before);
  });

  it("cannot preview a web address either, so the server fetches nothing for them", async () => {
    expect(await previewAs(student, { from: "address", address: "http://127.0.0.1:9/" })).toEqual({ status: 403, body: { error: IMPORTERS_ONLY } });
  });
});

describe("an instructor of an open seminar", () => {
  it("previews a paste, and is told in words what is wrong with an address", async () => {
    expect(await previewAs(teacher, { from: "paste", text: "# Marked Title\n\nSome *marked* text." })).toMatchObject({ status: 200, body: { preview: { title: "Marked Title" } } });
    expect(await previewAs(teacher, { from: "address", address: "http://127.0.0.1:9/" })).toMatchObject({ status: 422, body: { error: expect.stringMatching(/private network/) } });
    expect(await previewAs(teacher, { from: "paste", text: "   " })).toEqual({ status: 400, body: { error: "Paste the essay's text first." } });
  });

  it("imports into the library, with a fresh slug when the title is taken", async () => {
    const first = await as(teacher, () => importEssayAction(null, importForm("On Slowness")));
    const second = await as(teacher, () => importEssayAction(null, importForm("On Slowness")));
    expect(first).toEqual({ redirect: "/essays/on-slowness" });
    expect(second).toEqual({ redirect: "/essays/on-slowness-2" });
    const stored = await database.db.essay.findUniqueOrThrow({
      where: { slug: "on-slowness" },
      select: { title: true, author: true, source: true, rooms: { select: { seminarId: true } }, paragraphs: { orderBy: { position: "asc" }, select: { kind: true, text: true } } },
    });
    expect(stored).toEqual({ title: "On Slowness", author: "Ann Lee", source: "pasted", rooms: [{ seminarId: null }], paragraphs: JSON.parse(PARAGRAPHS) });
  });

  it("puts it on a seminar they teach and lands in that seminar's room; another's seminar is refused before anything is stored", async () => {
    expect(await as(teacher, () => importEssayAction(null, importForm("For the Seminar", seminarId)))).toEqual({ redirect: `/seminars/${seminarId}/essays/for-the-seminar` });
    const onList = await database.db.seminarEssay.findMany({ where: { seminarId }, select: { essay: { select: { slug: true } } } });
    expect(onList).toEqual([{ essay: { slug: "for-the-seminar" } }]);
    const before = await essayCount();
    expect(await as(teacher, () => importEssayAction(null, importForm("Elsewhere", otherSeminarId)))).toEqual({ value: { ok: false, formError: expect.stringMatching(/seminars you teach/) } });
    expect(await essayCount()).toBe(before);
  });

  it("is slowed down after 60 previews in a quarter hour, since each may read a large file or fetch an address", async () => {
    const busy = await createUser(database.db, "Busy");
    await createSeminar(database.db, { name: "Busy seminar", term: "Spring 2027", instructorId: busy.id });
    for (let i = 0; i < THROTTLE_RULES.essayPreviewPerUser.limit; i++) {
      expect(await previewAs(busy, { from: "paste", text: "A Title\n\nSome text." })).toMatchObject({ status: 200 });
    }
    expect(await previewAs(busy, { from: "paste", text: "A Title\n\nSome text." })).toEqual({ status: 429, body: { error: expect.stringMatching(/^You have previewed many essays in a short time\. Wait 1\d? minutes/) } });
  });

  it("gets the form's words for a missing title or a tampered preview", async () => {
    expect(await as(teacher, () => importEssayAction(null, importForm("  ")))).toEqual({ value: { ok: false, fieldErrors: { title: "Give the essay a title." } } });
    const tampered = formOf({ title: "T", paragraphs: '[{"kind":"script","text":"x"}]' });
    expect(await as(teacher, () => importEssayAction(null, tampered))).toEqual({ value: { ok: false, fieldErrors: { paragraphs: "Preview the essay again before importing it." } } });
  });
});

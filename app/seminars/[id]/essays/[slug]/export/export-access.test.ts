/**
 * The export route end to end: students and the instructor write in the seminar's room over the real websocket
 * server (which keeps the relational copy exports read), then the real route handler answers each asker in Next's
 * request scope. Members of another seminar and signed-out visitors get a 404 in every format; a student who asks
 * for hidden comments gets none; the instructor who asks gets them, marked.
 */
import { asRequest, useAppEnvironment } from "@/tests/helpers/next-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMENTS, HIDDEN, entryKey } from "@/lib/doc/layout";
import { setupSeminar, type SeminarFixture } from "@/tests/helpers/seminar-fixture";
import { comment, highlight, putAnnotation, putComment } from "@/tests/helpers/entries";
import { until } from "@/tests/helpers/until";
import { waitFor } from "@/tests/helpers/y-client";
import { sessionCookie } from "@/tests/helpers/users";
import { GET as privateExportRoute } from "@/app/essays/[slug]/export/route";
import { POST as importRoute } from "../import/route";
import { GET as exportRoute } from "./route";

let fixture: SeminarFixture;
let slug: string;

beforeAll(async () => {
  fixture = await setupSeminar();
  useAppEnvironment(fixture.database.url);
  const { db } = fixture.database;
  slug = (await db.essay.findUniqueOrThrow({ where: { id: fixture.essayId } })).slug;
  const { teacher, ada, ben } = fixture;
  const witness = await fixture.joined(teacher);
  const moscow = fixture.paragraphs.find((p) => p.text.includes("Moscow"))!;
  const kremlin = fixture.paragraphs.find((p) => p.text.includes("Kremlin"))!;
  const adaWriter = await fixture.joined(ada);
  const mark = highlight(ada, moscow, "Moscow");
  const root = comment(ada, mark.id, "A thought on Moscow");
  adaWriter.doc.transact(() => {
    putAnnotation(adaWriter.doc, mark);
    putComment(adaWriter.doc, root);
  });
  await waitFor(witness.doc, () => witness.doc.getMap(COMMENTS).has(entryKey(ada.id, root.id)), 5000, "Ada's thread");
  const benWriter = await fixture.joined(ben);
  putComment(benWriter.doc, comment(ben, mark.id, "=HYPERLINK(\"http://evil\") and a reply, with \"quotes\"", root.id));
  const rudeMark = highlight(ben, kremlin, "Kremlin");
  const rude = comment(ben, rudeMark.id, "A thought on Kremlin");
  benWriter.doc.transact(() => {
    putAnnotation(benWriter.doc, rudeMark);
    putComment(benWriter.doc, rude);
  });
  await waitFor(witness.doc, () => witness.doc.getMap(COMMENTS).has(entryKey(ben.id, rude.id)), 5000, "Ben's thread");
  witness.doc.getMap(HIDDEN).set(rude.id, { id: rude.id, byId: teacher.id, byName: teacher.name, at: Date.now() });
  await until(async () => (await db.comment.count({ where: { roomId: fixture.firstRoom, hiddenAt: { not: null } } })) === 1, "the hidden row");
  await until(async () => (await db.comment.count({ where: { roomId: fixture.firstRoom } })) === 3, "three comment rows");
});
afterAll(() => fixture.close());

async function get(user: { id: string } | null, query: string, seminarId = fixture.firstSeminarId, essaySlug = slug) {
  const request = new Request(`http://localhost:3000/seminars/${seminarId}/essays/${essaySlug}/export?${query}`);
  return asRequest(user ? await sessionCookie(user.id) : null, () => exportRoute(request, { params: Promise.resolve({ id: seminarId, slug: essaySlug }) }));
}

describe("who gets an export", () => {
  it("answers a member of another seminar, a signed-out visitor and an unknown essay with the same 404, in every format", async () => {
    for (const format of ["md", "csv", "jsonld", "html"]) {
      for (const [who, user] of [["Cleo", fixture.cleo], ["signed out", null]] as const) {
        const response = await get(user, `format=${format}`);
        expect(response.status, `${who}, ${format}`).toBe(404);
        expect(await response.text()).not.toContain("Moscow");
      }
      expect((await get(fixture.ada, `format=${format}`, fixture.firstSeminarId, "no-such-essay")).status).toBe(404);
    }
    // Cleo's own seminar reads the same essay: naming it does not reach the first seminar's room.
    const own = await get(fixture.cleo, "format=md", (await fixture.database.db.room.findUniqueOrThrow({ where: { id: fixture.secondRoom } })).seminarId!);
    expect(own.status).toBe(200);
    expect(await own.text()).not.toContain("A thought on Moscow");
  });

  it("says what is wrong with a bad query", async () => {
    const bad = await get(fixture.ada, "format=pdf");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choose a format: md, csv, jsonld or html.");
    const range = await get(fixture.ada, "format=md&from=5&to=2");
    expect(range.status).toBe(400);
    expect(await range.text()).toContain("The range must start before it ends.");
  });

  it("gives a student no hidden comment, even when asked, and the instructor who asks gets it marked", async () => {
    const student = await get(fixture.ada, "format=csv&hidden=1");
    expect(student.status).toBe(200);
    expect(await student.text()).not.toContain("A thought on Kremlin");
    const teacher = await (await get(fixture.teacher, "format=md&hidden=1")).text();
    expect(teacher).toContain("A thought on Kremlin");
    expect(teacher).toMatch(/hidden/i);
    expect(await (await get(fixture.teacher, "format=md")).text()).not.toContain("A thought on Kremlin");
  });
});

describe("what a member downloads", () => {
  it("is a file named for what it holds, in the format asked for, holding the discussion", async () => {
    const md = await get(fixture.ada, "format=md");
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(md.headers.get("content-disposition")).toMatch(/^attachment; filename="[a-z0-9-]+_russia-and-its-neighbours_\d{4}-\d{2}-\d{2}\.md"$/);
    const text = await md.text();
    expect(text).toContain("A thought on Moscow");
    expect(text).toContain("Moscow"); // the quote

    const csv = await get(fixture.ada, "format=csv&from=1&to=3&bom=1");
    expect(csv.headers.get("content-disposition")).toMatch(/_p1-3_/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toMatch(/^thread_id,comment_id,parent_id,paragraph_index,quote,author,role,created_at,edited_at,body,tags,reactions,resolved,hidden\r\n/);

    const jsonld = await get(fixture.ben, "format=jsonld");
    expect(jsonld.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const collection = JSON.parse(await jsonld.text()) as { type: string; total: number };
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.total).toBeGreaterThanOrEqual(2);

    const html = await get(fixture.ada, "format=html");
    expect(html.headers.get("content-disposition")).toMatch(/^inline; filename=".+\.html"$/);
    const page = await html.text();
    expect(page).toContain("A thought on Moscow");
    expect(page).not.toMatch(/<script/i);
  });
});

describe("importing through the route", () => {
  async function post(user: { id: string } | null, body: string, { origin = "http://localhost:3000", seminarId = fixture.firstSeminarId } = {}) {
    const request = new Request(`http://localhost:3000/seminars/${seminarId}/essays/${slug}/import`, { method: "POST", body, headers: { origin, "content-type": "application/ld+json" } });
    return asRequest(user ? await sessionCookie(user.id) : null, () => importRoute(request, { params: Promise.resolve({ id: seminarId, slug }) }));
  }
  const secondSeminar = async () => (await fixture.database.db.room.findUniqueOrThrow({ where: { id: fixture.secondRoom } })).seminarId!;

  it("takes a file from the seminar's instructor only, from Gloss's own pages, and says what it brought in", async () => {
    const file = await (await get(fixture.teacher, "format=jsonld")).text();
    const seminarId = await secondSeminar();
    for (const [who, user] of [["Cleo, a student there", fixture.cleo], ["Ada, not a member there", fixture.ada], ["signed out", null]] as const) {
      expect((await post(user, file, { seminarId })).status, who).toBe(404);
    }
    expect((await post(fixture.teacher, file, { seminarId, origin: "https://elsewhere.example" })).status).toBe(403);
    expect(await fixture.database.db.annotation.count({ where: { roomId: fixture.secondRoom } })).toBe(0);

    const done = await post(fixture.teacher, file, { seminarId });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { report: { threads: number; comments: number } }).report).toMatchObject({ threads: 1, comments: 2 });
    const exported = await (await get(fixture.cleo, "format=md", seminarId)).text();
    expect(exported).toContain("A thought on Moscow");
  });

  it("answers a file that is not an export with the reason", async () => {
    const response = await post(fixture.teacher, '{"type":"AnnotationCollection"}');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^This file cannot be imported: /);
  });
});

describe("a reader's private notes", () => {
  async function getPrivate(user: { id: string } | null, query: string) {
    const request = new Request(`http://localhost:3000/essays/${slug}/export?${query}`);
    return asRequest(user ? await sessionCookie(user.id) : null, () => privateExportRoute(request, { params: Promise.resolve({ slug }) }));
  }

  it("go to their owner only, and hold nothing of the seminar's discussion", async () => {
    expect((await getPrivate(null, "format=md")).status).toBe(404);
    const own = await getPrivate(fixture.ada, "format=csv");
    expect(own.status).toBe(200);
    expect(own.headers.get("content-disposition")).toMatch(/_private-notes_/);
    const text = await own.text();
    expect(text).not.toContain("A thought on Moscow");
    expect(text.trim().split("\r\n")).toHaveLength(1); // the header: Ada wrote no private note
    expect((await getPrivate(fixture.ada, "format=pdf")).status).toBe(400);
  });
});

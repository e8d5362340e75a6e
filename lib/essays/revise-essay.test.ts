/**
 * Revising the seed essay against a real database: ids survive, removed paragraphs stay as rows (so the
 * relational copies of their notes survive too) but leave what readers load, and only instructors of a
 * seminar reading the essay may revise it.
 */
import fs from "node:fs";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { expectAppError } from "../../tests/helpers/app-error";
import { createUser } from "../../tests/helpers/users";
import { selectorsFor } from "../doc/anchor";
import { ANCHORS, ANNOTATIONS, entryKey, roomIdFor, type Annotation } from "../doc/layout";
import { AppErrorCode } from "../errors/app-error";
import { addEssay } from "../seminars/add-essay.server";
import { createAssignment } from "../assignments/create-assignment.server";
import { archiveSeminar } from "../seminars/archive-seminar.server";
import { createSeminar } from "../seminars/create-seminar.server";
import { createEssay } from "./create-essay.server";
import { getEssay } from "./get-essay.server";
import { importEssay } from "./import-essay";
import { listNotesToReview } from "./list-notes-to-review.server";
import { previewRevision } from "./preview-revision.server";
import { NOT_ON_READING_LIST } from "./require-reviser.server";
import { reviseEssay } from "./revise-essay.server";

type User = { id: string; name: string };
let database: TestDatabase;
let teacher: User, student: User;
let essay: { id: string; slug: string };
let seminarId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  [teacher, student] = await Promise.all(["Teacher", "Student"].map((name) => createUser(database.db, name)));
  essay = await database.db.essay.findFirstOrThrow({ select: { id: true, slug: true } });
  seminarId = (await createSeminar(database.db, { name: "Russia", term: "Spring 2027", instructorId: teacher.id })).id;
  await addEssay(database.db, { seminarId, essayId: essay.id, userId: teacher.id });
});
afterAll(() => database.drop());

async function reading(slug = essay.slug) {
  return (await getEssay(database.db, slug))!.paragraphs;
}
const asText = (paragraphs: Array<{ text: string }>) => paragraphs.map((p) => p.text).join("\n\n");

/** Stores highlights in the seminar room's log, as the websocket server would. */
async function storeNotes(essayId: string, notes: Annotation[]) {
  const roomId = roomIdFor(essayId, seminarId);
  await database.db.room.upsert({ where: { id: roomId }, update: {}, create: { id: roomId, essayId, seminarId } });
  const doc = new Y.Doc();
  for (const note of notes) doc.getMap(ANNOTATIONS).set(entryKey(note.authorId, note.id), note);
  await database.db.roomUpdate.create({ data: { roomId, data: Buffer.from(Y.encodeStateAsUpdate(doc)) } });
}

function highlightOn(id: string, paragraph: { id: string; text: string }, words: string): Annotation {
  const start = paragraph.text.indexOf(words);
  return {
    id, authorId: student.id, authorName: student.name, paragraphId: paragraph.id, kind: "highlight", color: "yellow",
    selector: selectorsFor(paragraph.text, { start, end: start + words.length }), createdAt: Date.now(),
  };
}

describe("assignments on a revised essay", () => {
  it("moves each passage to its words: an inserted paragraph before it changes nothing, a split at its end carries the end along", async () => {
    const seed = importEssay(fs.readFileSync(new URL("../../prisma/seed/the-taliban-against-russia.txt", import.meta.url), "utf8"));
    const own = await createEssay(database.db, { ...seed, slug: "passage-copy", source: null });
    await addEssay(database.db, { seminarId, essayId: own.id, userId: teacher.id });
    const before = await reading(own.slug);
    const [first, second, third] = before;
    const now = Date.now();
    const { id } = await createAssignment(database.db, {
      userId: teacher.id, seminarId, essayId: own.id, title: "Two paragraphs", prompt: "Read them closely.",
      passage: { startParagraphId: second!.id, endParagraphId: third!.id },
      opensAt: new Date(now - 3600_000), dueAt: new Date(now + 86_400_000), audience: "everyone", studentIds: [], rule: { notes: 1, replies: 0 },
    });
    const cut = third!.text.indexOf(". ") + 2;
    const text = asText([first!, { text: "A paragraph inserted before the passage." }, second!, { text: third!.text.slice(0, cut).trim() }, { text: third!.text.slice(cut) }, ...before.slice(3)]);
    await reviseEssay(database.db, { seminarId, essayId: own.id, userId: teacher.id, text });

    const after = await reading(own.slug);
    const tail = after.find((p) => p.text === third!.text.slice(cut))!;
    const assignment = await database.db.assignment.findUniqueOrThrow({ where: { id } });
    expect(assignment).toMatchObject({ startParagraphId: second!.id, startOffset: 0, endParagraphId: tail.id, endOffset: tail.text.length });
    expect(assignment.quote).toBe([second!.text, third!.text.slice(0, cut).trim(), third!.text.slice(cut)].join("\n\n"));
  });
});

describe("previewRevision and the review list", () => {
  it("counts what happens to the seminar's notes without saving, then lists the uncertain and unanchored ones after saving", async () => {
    // An essay of its own, so the other tests' revisions do not change what this one starts from.
    const seed = importEssay(fs.readFileSync(new URL("../../prisma/seed/the-taliban-against-russia.txt", import.meta.url), "utf8"));
    const own = await createEssay(database.db, { ...seed, slug: "preview-copy", source: null });
    await addEssay(database.db, { seminarId, essayId: own.id, userId: teacher.id });
    const before = await reading(own.slug);
    const [first, second] = before;
    await storeNotes(own.id, [
      highlightOn("note-stays", first!, "carefully prepared by Moscow"),
      highlightOn("note-moves", first!, "Russia could be an ally in Afghanistan"),
      highlightOn("note-split", first!, "a terrorist organization. In the short term"),
      highlightOn("note-gone", second!, "godsend for Moscow"),
    ]);
    const cut = first!.text.indexOf("In the short term");
    const text = asText([
      { text: first!.text.slice(0, cut).trimEnd() },
      { text: first!.text.slice(cut) },
      { text: second!.text.replace("appeared to many as a godsend for Moscow and", "pleased") },
      ...before.slice(2),
    ]);
    const preview = await previewRevision(database.db, { seminarId, essayId: own.id, userId: teacher.id, text });
    expect(preview.plan.counts).toMatchObject({ split: 1, edited: 1, removed: 0 });
    expect(preview.notes).toEqual({ stay: 1, move: 1, review: 1, unanchored: 1 });
    expect((await reading(own.slug)).map((p) => p.text)).toEqual(before.map((p) => p.text));
    await expectAppError(previewRevision(database.db, { seminarId, essayId: own.id, userId: student.id, text }), AppErrorCode.Forbidden);

    await reviseEssay(database.db, { seminarId, essayId: own.id, userId: teacher.id, text });
    const toReview = await listNotesToReview(database.db, { seminarId, essayId: own.id, userId: teacher.id });
    expect(toReview.map((n) => [n.annotation.id, n.outcome, n.reason])).toEqual([
      ["note-split", "review", "the paragraph was split inside the quoted words; only the part here is highlighted"],
      ["note-gone", "unanchored", "the quoted words were deleted"],
    ]);
    await expectAppError(listNotesToReview(database.db, { seminarId, essayId: own.id, userId: student.id }), AppErrorCode.Forbidden);

    // The instructor confirms where the split note landed: it leaves the list, the orphan stays on it.
    const firstPart = (await reading(own.slug))[0]!;
    const kept = firstPart.text.indexOf("a terrorist organization.");
    const placement = new Y.Doc();
    placement.getMap(ANCHORS).set("note-split", {
      id: "note-split", paragraphId: firstPart.id, selector: selectorsFor(firstPart.text, { start: kept, end: kept + "a terrorist organization.".length }),
      byId: teacher.id, byName: teacher.name, at: Date.now(),
    });
    await database.db.roomUpdate.create({ data: { roomId: roomIdFor(own.id, seminarId), data: Buffer.from(Y.encodeStateAsUpdate(placement)) } });
    expect((await listNotesToReview(database.db, { seminarId, essayId: own.id, userId: teacher.id })).map((n) => n.annotation.id)).toEqual(["note-gone"]);
  });
});

describe("reviseEssay", () => {
  it("splits, inserts and removes paragraphs, keeping ids and the rows of removed ones", async () => {
    const before = await reading();
    const [first, second, third] = before;
    // A note's relational copy on the paragraph that will be removed: it must survive the revision.
    await database.db.room.upsert({ where: { id: roomIdFor(essay.id, seminarId) }, update: {}, create: { id: roomIdFor(essay.id, seminarId), essayId: essay.id, seminarId } });
    await database.db.annotation.create({
      data: { id: "note-on-third", roomId: roomIdFor(essay.id, seminarId), paragraphId: third!.id, authorId: student.id, kind: "paragraph", createdAt: new Date() },
    });

    const cut = first!.text.indexOf("In the short term");
    const revised = [
      { text: "Editor's note: first published in September 2021." },
      { text: first!.text.slice(0, cut).trimEnd() },
      { text: first!.text.slice(cut) },
      { text: second!.text.replace("godsend", "windfall") },
      ...before.slice(3),
    ];
    const plan = await reviseEssay(database.db, { seminarId, essayId: essay.id, userId: teacher.id, text: asText(revised) });
    expect(plan.counts).toMatchObject({ inserted: 1, split: 1, edited: 1, removed: 1 });

    const after = await reading();
    expect(after.map((p) => p.text)).toEqual(revised.map((p) => p.text));
    expect(after[1]!.id).toBe(first!.id);
    expect(after[3]!.id).toBe(second!.id);
    expect(after.slice(4).map((p) => p.id)).toEqual(before.slice(3).map((p) => p.id));
    expect(new Set(after.map((p) => p.id)).size).toBe(after.length);
    expect(after.map((p) => p.id)).not.toContain(third!.id);
    expect(plan.paragraphs.every((p) => p.id !== null)).toBe(true);

    const kept = await database.db.paragraph.findUniqueOrThrow({ where: { id: third!.id } });
    expect(kept.position).toBeLessThan(0);
    expect(kept.text).toBe(third!.text);
    expect(await database.db.annotation.count({ where: { id: "note-on-third" } })).toBe(1);
  });

  it("revises again: positions stay unique and earlier removed paragraphs stay out", async () => {
    const before = await reading();
    const revised = before.slice(1).map((p) => ({ text: p.text }));
    await reviseEssay(database.db, { seminarId, essayId: essay.id, userId: teacher.id, text: asText(revised) });
    const after = await reading();
    expect(after.map((p) => p.id)).toEqual(before.slice(1).map((p) => p.id));
    const positions = (await database.db.paragraph.findMany({ where: { essayId: essay.id }, select: { position: true } })).map((p) => p.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect(positions.filter((p) => p < 0).sort((a, b) => b - a)).toEqual([-1, -2]);
  });

  it("lets only instructors of a seminar that reads the essay and is not archived revise it", async () => {
    const text = asText(await reading());
    await expectAppError(reviseEssay(database.db, { seminarId, essayId: essay.id, userId: student.id, text }), AppErrorCode.Forbidden);
    const other = await createSeminar(database.db, { name: "Other", term: "Spring 2027", instructorId: teacher.id });
    await expectAppError(reviseEssay(database.db, { seminarId: other.id, essayId: essay.id, userId: teacher.id, text }), AppErrorCode.NotFound, NOT_ON_READING_LIST);
    await archiveSeminar(database.db, { seminarId, userId: teacher.id });
    await expectAppError(reviseEssay(database.db, { seminarId, essayId: essay.id, userId: teacher.id, text }), AppErrorCode.Conflict);
  });

  it("refuses while a seminar the instructor does not teach reads the essay, and allows it once they teach every one", async () => {
    const seed = importEssay(fs.readFileSync(new URL("../../prisma/seed/the-taliban-against-russia.txt", import.meta.url), "utf8"));
    const shared = await createEssay(database.db, { ...seed, slug: "shared-copy", source: null });
    const mine = await createSeminar(database.db, { name: "Mine", term: "Spring 2027", instructorId: teacher.id });
    await addEssay(database.db, { seminarId: mine.id, essayId: shared.id, userId: teacher.id });
    const colleague = await createUser(database.db, "Colleague");
    const theirs = await createSeminar(database.db, { name: "Theirs", term: "Spring 2027", instructorId: colleague.id });
    await addEssay(database.db, { seminarId: theirs.id, essayId: shared.id, userId: colleague.id });
    const text = asText((await reading(shared.slug)).map((p) => ({ text: p.text.replace("Taliban", "Taleban") })));

    await expectAppError(
      reviseEssay(database.db, { seminarId: mine.id, essayId: shared.id, userId: teacher.id, text }),
      AppErrorCode.Conflict,
      "This essay cannot be revised here: another seminar reads it too, and a revision would change the text under their notes. Import your own copy of the essay to change it for this seminar.",
    );
    await expectAppError(previewRevision(database.db, { seminarId: mine.id, essayId: shared.id, userId: teacher.id, text }), AppErrorCode.Conflict);
    expect((await reading(shared.slug)).some((p) => p.text.includes("Taleban"))).toBe(false);

    await database.db.membership.create({ data: { seminarId: theirs.id, userId: teacher.id, role: "instructor" } });
    await reviseEssay(database.db, { seminarId: mine.id, essayId: shared.id, userId: teacher.id, text });
    expect((await reading(shared.slug)).some((p) => p.text.includes("Taleban"))).toBe(true);
  });
});

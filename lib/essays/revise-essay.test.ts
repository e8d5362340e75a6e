/**
 * Revising the seed essay against a real database: ids survive, removed paragraphs stay as rows (so the
 * relational copies of their notes survive too) but leave what readers load, and only instructors of a
 * seminar reading the essay may revise it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { expectAppError } from "../../tests/helpers/app-error";
import { createUser } from "../../tests/helpers/users";
import { roomIdFor } from "../doc/layout";
import { AppErrorCode } from "../errors/app-error";
import { addEssay } from "../seminars/add-essay.server";
import { archiveSeminar } from "../seminars/archive-seminar.server";
import { createSeminar } from "../seminars/create-seminar.server";
import { getEssay } from "./get-essay.server";
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

async function reading() {
  return (await getEssay(database.db, essay.slug))!.paragraphs;
}
const asText = (paragraphs: Array<{ text: string }>) => paragraphs.map((p) => p.text).join("\n\n");

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
});

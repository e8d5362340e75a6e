import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { createUser } from "../../tests/helpers/users";
import { addEssay } from "../seminars/add-essay.server";
import { createSeminar } from "../seminars/create-seminar.server";
import { passageFromLink } from "./passage-from-link.server";

let database: TestDatabase;
let seminarId: string;
let otherSeminarId: string;
let essay: { id: string; paragraphs: Array<{ id: string; text: string }> };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const found = await db.essay.findFirstOrThrow({ include: { paragraphs: { orderBy: { position: "asc" } } } });
  essay = found;
  const teacher = await createUser(db, "Teacher");
  seminarId = (await createSeminar(db, { name: "Listed", term: "Spring", instructorId: teacher.id })).id;
  otherSeminarId = (await createSeminar(db, { name: "Empty list", term: "Spring", instructorId: teacher.id })).id;
  await addEssay(db, { seminarId, essayId: found.id, userId: teacher.id });
});

afterAll(async () => {
  await database.drop();
});

it("quotes words selected across paragraphs, as the reader's link carries them", async () => {
  const [first, second] = [essay.paragraphs[1]!, essay.paragraphs[2]!];
  const link = { essay: essay.id, from: `${first.id}:4`, to: `${second.id}:10` };
  expect(await passageFromLink(database.db, { seminarId, link })).toEqual({
    essayId: essay.id,
    startParagraphId: first.id,
    startOffset: 4,
    endParagraphId: second.id,
    endOffset: 10,
    quote: `${first.text.slice(4)}\n\n${second.text.slice(0, 10)}`,
  });
});

it("gives nothing for a passage that does not fit, or an essay not on the seminar's list", async () => {
  const [first, second] = [essay.paragraphs[1]!, essay.paragraphs[2]!];
  const cases = [
    { essay: essay.id, from: `${second.id}:0`, to: `${first.id}:5` }, // ends before it starts
    { essay: essay.id, from: `${first.id}:0`, to: `${first.id}:${first.text.length + 1}` }, // past the paragraph
    { essay: essay.id, from: `no-such-para:0`, to: `${first.id}:5` },
    { essay: essay.id, from: `${first.id}`, to: `${first.id}:5` }, // malformed
  ];
  for (const link of cases) expect(await passageFromLink(database.db, { seminarId, link })).toBeNull();
  expect(await passageFromLink(database.db, { seminarId: otherSeminarId, link: { essay: essay.id, from: `${first.id}:0`, to: `${first.id}:5` } })).toBeNull();
});

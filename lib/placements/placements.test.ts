/**
 * A revision of the seed essay under notes in every kind of room, against the real database: the notes' rows say
 * where readers see them now, and the reports (heat map, export, participation) count them there. One sentence of
 * the first paragraph moves to the start of the second, a few words of the second are deleted, and the fourth
 * paragraph is removed. An instructor placed one of the deleted words' notes on other words.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { createUser } from "../../tests/helpers/users";
import { selectorsFor } from "../doc/anchor";
import { privateRoomIdFor, roomIdFor } from "../doc/layout";
import { createAssignment } from "../assignments/create-assignment.server";
import { getHeatMap } from "../assignments/get-heat-map.server";
import { getParticipation } from "../assignments/get-participation.server";
import { countUnanchoredElsewhere } from "../essays/count-unanchored-elsewhere.server";
import { getEssay } from "../essays/get-essay.server";
import { reviseEssay } from "../essays/revise-essay.server";
import { loadDiscussion } from "../export/load-discussion.server";
import { discussionToCsv } from "../export/to-csv";
import { discussionToJsonLd } from "../export/to-jsonld";
import { discussionToMarkdown } from "../export/to-markdown";
import { parseJsonLd } from "../export/parse-jsonld";
import { addEssay } from "../seminars/add-essay.server";
import { createSeminar } from "../seminars/create-seminar.server";
import { joinSeminar } from "../seminars/join-seminar.server";

type User = { id: string; name: string };
type Paragraph = { id: string; text: string };

const MOVED_SENTENCE = "The new power in Afghanistan may not be an easy and reliable partner for the Kremlin, but it would be a mistake for the West to think that Russia could be an ally in Afghanistan—as elsewhere.";
const MOVED_WORDS = "it would be a mistake for the West to think that Russia could be an ally";
const DELETED = "appeared to many as a godsend for Moscow and the other revisionist powers (China, Iran)";

let database: TestDatabase;
let teacher: User, ada: User, ben: User;
let essayId: string;
let seminarId: string;
let before: Paragraph[];
let after: Paragraph[];
let passageOnSecond: string;
const rooms = { seminar: "", open: "", private: "" };
const T0 = new Date("2027-03-01T10:00:00.000Z");

/** A note's row as the relational copy writes it, on the first occurrence of `words` (a whole-paragraph comment without). */
async function note(roomId: string, author: User, id: string, paragraph: Paragraph, words?: string) {
  const start = words ? paragraph.text.indexOf(words) : -1;
  if (words && start < 0) throw new Error(`"${words}" is not in the paragraph`);
  const [quote, position] = words ? selectorsFor(paragraph.text, { start, end: start + words.length }) : [null, null];
  await database.db.annotation.create({
    data: {
      id, roomId, paragraphId: paragraph.id, authorId: author.id, kind: words ? "highlight" : "paragraph", color: words ? "yellow" : null,
      quote: quote?.exact, prefix: quote?.prefix, suffix: quote?.suffix, start: position?.start, end: position?.end, createdAt: T0, receivedAt: T0,
    },
  });
  await database.db.comment.create({ data: { id: `c-${id}`, roomId, annotationId: id, authorId: author.id, body: `About ${words ?? "this paragraph"}`, createdAt: T0, receivedAt: T0 } });
}

/** An instructor's placement of a note, as the relational copy keeps the anchors map. */
async function place(roomId: string, annotationId: string, paragraph: Paragraph, words: string) {
  const start = paragraph.text.indexOf(words);
  const [quote, position] = selectorsFor(paragraph.text, { start, end: start + words.length });
  await database.db.placement.create({
    data: { roomId, annotationId, paragraphId: paragraph.id, quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end, byId: teacher.id, at: T0 },
  });
}

const shown = (roomId: string, id: string) =>
  database.db.annotation.findUniqueOrThrow({ where: { roomId_id: { roomId, id } }, select: { shownAs: true, shownParagraphId: true, shownStart: true, shownEnd: true } });

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  [teacher, ada, ben] = await Promise.all(["Teacher", "Ada", "Ben"].map((name) => createUser(db, name)));
  const essay = await db.essay.findFirstOrThrow({ select: { id: true, slug: true } });
  essayId = essay.id;
  const seminar = await createSeminar(db, { name: "Russia", term: "Spring 2027", instructorId: teacher.id });
  seminarId = seminar.id;
  for (const student of [ada, ben]) await joinSeminar(db, { code: seminar.inviteCode!, userId: student.id });
  await addEssay(db, { seminarId, essayId, userId: teacher.id });
  before = (await getEssay(db, essay.slug))!.paragraphs;
  const [first, second, , fourth, fifth] = before;

  rooms.seminar = roomIdFor(essayId, seminarId);
  rooms.open = roomIdFor(essayId, null);
  rooms.private = privateRoomIdFor(essayId, ben.id);
  // addEssay made the seminar's room.
  await db.room.upsert({ where: { id: rooms.open }, update: {}, create: { id: rooms.open, essayId } });
  await db.room.create({ data: { id: rooms.private, essayId, ownerId: ben.id } });

  await note(rooms.seminar, ada, "n-stays", first!, "carefully prepared by Moscow");
  await note(rooms.seminar, ada, "n-moves", first!, MOVED_WORDS);
  await note(rooms.seminar, ben, "n-deleted", second!, "a godsend for Moscow");
  await note(rooms.seminar, ben, "n-placed", second!, "the other revisionist powers");
  await place(rooms.seminar, "n-placed", first!, "maintaining communication channels");
  await note(rooms.seminar, ben, "n-removed", fourth!);
  await note(rooms.seminar, ada, "n-later", fifth!, "anticipated the coming to power of the Taliban");
  await note(rooms.open, ben, "o-moves", first!, "it would be a mistake for the West");
  await note(rooms.private, ben, "p-deleted", second!, "revisionist powers (China, Iran)");

  // Given before the revision: the whole of the second paragraph, as it then was.
  passageOnSecond = (
    await createAssignment(db, {
      userId: teacher.id, seminarId, essayId, title: "The departure", prompt: "Who gains?", passage: { startParagraphId: second!.id, endParagraphId: second!.id },
      opensAt: T0, dueAt: new Date("2027-03-08T10:00:00.000Z"), audience: "everyone", studentIds: [], rule: { notes: 1, replies: 0 },
    })
  ).id;
  expect((await participationOf(passageOnSecond)).get(ada.id)).toBe(0);

  const text = [
    { text: first!.text.replace(` ${MOVED_SENTENCE}`, "") },
    { text: `${MOVED_SENTENCE} ${second!.text.replace(DELETED, "pleased Moscow")}` },
    ...before.slice(2, 3),
    ...before.slice(4),
  ].map((p) => p.text).join("\n\n");
  await reviseEssay(db, { seminarId, essayId, userId: teacher.id, text });
  after = (await getEssay(db, essay.slug))!.paragraphs;
});
afterAll(() => database.drop());

async function participationOf(assignmentId: string): Promise<Map<string, number>> {
  const assignment = await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
  const { rows } = await getParticipation(database.db, { assignment, now: new Date("2027-03-02T10:00:00.000Z") });
  return new Map(rows.map((r) => [r.student.id, r.notes]));
}

describe("a revision", () => {
  it("places every room's notes where readers see them now: seminar, open and private rooms alike", async () => {
    const [first, second] = after;
    expect(after.map((p) => p.id)).not.toContain(before[3]!.id);
    expect(await shown(rooms.seminar, "n-stays")).toEqual({ shownAs: "stored", shownParagraphId: null, shownStart: null, shownEnd: null });
    const moved = second!.text.indexOf("it would be a mistake");
    expect(await shown(rooms.seminar, "n-moves")).toEqual({ shownAs: "moved", shownParagraphId: second!.id, shownStart: moved, shownEnd: moved + MOVED_WORDS.length });
    expect(await shown(rooms.seminar, "n-deleted")).toEqual({ shownAs: "unanchored", shownParagraphId: null, shownStart: null, shownEnd: null });
    const placed = first!.text.indexOf("maintaining communication channels");
    expect(await shown(rooms.seminar, "n-placed")).toEqual({ shownAs: "placed", shownParagraphId: first!.id, shownStart: placed, shownEnd: placed + 34 });
    expect(await shown(rooms.seminar, "n-removed")).toMatchObject({ shownAs: "unanchored", shownParagraphId: null });
    expect(await shown(rooms.seminar, "n-later")).toMatchObject({ shownAs: "stored" });
    expect(await shown(rooms.open, "o-moves")).toMatchObject({ shownAs: "moved", shownParagraphId: second!.id, shownStart: moved });
    expect(await shown(rooms.private, "p-deleted")).toMatchObject({ shownAs: "unanchored" });
  });
});

describe("reports after a revision", () => {
  it("the heat map counts a note beside the paragraph its words moved to or where it was placed, an unanchored one nowhere, and no removed paragraph", async () => {
    const heat = await getHeatMap(database.db, { assignment: { seminarId, essayId, closedAt: null }, studentIds: [ada.id, ben.id] });
    expect(heat.paragraphs.map((p) => p.id)).toEqual(after.map((p) => p.id));
    const count = new Map(heat.paragraphs.map((p) => [p.id, [p.notes, p.comments]]));
    const [first, second, , later] = after;
    expect(count.get(first!.id)).toEqual([2, 2]); // stays, and the instructor's placement
    expect(count.get(second!.id)).toEqual([1, 1]); // the moved one; the deleted words' note is nowhere
    expect(count.get(later!.id)).toEqual([1, 1]); // after the removed paragraph, a note that stays
    expect(heat.paragraphs.reduce((n, p) => n + p.notes, 0)).toBe(4);
  });

  it("the export lists a moved note under its new paragraph with its words there, a placed one where it was placed, and the unanchored ones last", async () => {
    const discussion = await loadDiscussion(database.db, { roomId: rooms.seminar, userId: teacher.id, sourceUrl: "https://gloss.example/essays/x" });
    const where = discussion.threads.map((t) => [t.id, t.paragraphIndex]);
    // Paragraph numbers are the essay's as it is now: the removed fourth paragraph is not counted.
    expect(where).toEqual([["n-stays", 1], ["n-placed", 1], ["n-moves", 2], ["n-later", 4], ["n-deleted", null], ["n-removed", null]]);
    const byId = new Map(discussion.threads.map((t) => [t.id, t]));
    const second = after[1]!;
    const moved = second.text.indexOf("it would be a mistake");
    expect(byId.get("n-moves")).toMatchObject({ paragraphId: second.id, position: { start: moved, end: moved + MOVED_WORDS.length }, quote: { exact: MOVED_WORDS } });
    expect(byId.get("n-placed")).toMatchObject({ paragraphId: after[0]!.id, quote: { exact: "maintaining communication channels" } });
    expect(byId.get("n-deleted")).toMatchObject({ paragraphId: before[1]!.id, quote: { exact: "a godsend for Moscow" }, comments: [{ body: "About a godsend for Moscow" }] });

    const markdown = discussionToMarkdown(discussion);
    expect(markdown).toContain("## Unanchored (its words are no longer in the essay)\n\n> a godsend for Moscow");
    expect(markdown.indexOf("## ¶ 2")).toBeLessThan(markdown.indexOf("## Unanchored"));
    expect(discussionToCsv(discussion).split("\r\n").find((line) => line.startsWith("n-deleted"))).toMatch(/^n-deleted,c-n-deleted,,,/);
    const jsonld = discussionToJsonLd(discussion);
    expect(jsonld.first.items.find((a) => a["gloss:thread"].endsWith("n-deleted"))).toMatchObject({ "gloss:unanchored": true });
    const back = parseJsonLd(JSON.parse(JSON.stringify(jsonld)));
    expect(back.ok && back.discussion.threads.map((t) => [t.id.split(":").at(-1), t.paragraphIndex])).toEqual(where);

    const paged = await loadDiscussion(database.db, { roomId: rooms.seminar, userId: teacher.id, sourceUrl: "https://gloss.example/essays/x", pageSize: 2 });
    expect(paged.threads.map((t) => [t.id, t.paragraphIndex])).toEqual(where);

    // A range of paragraphs holds only what is shown there.
    const range = await loadDiscussion(database.db, { roomId: rooms.seminar, userId: teacher.id, sourceUrl: "https://gloss.example/essays/x", from: 2, to: 4 });
    expect(range.threads.map((t) => t.id)).toEqual(["n-moves", "n-later"]);
  });

  it("loses no note outside the seminar: a private export keeps the unanchored one, and the revise page counts it", async () => {
    const discussion = await loadDiscussion(database.db, { roomId: rooms.private, userId: ben.id, sourceUrl: "https://gloss.example/essays/x" });
    expect(discussion.threads.map((t) => [t.id, t.paragraphIndex])).toEqual([["p-deleted", null]]);
    expect(await countUnanchoredElsewhere(database.db, { seminarId, essayId, userId: teacher.id })).toBe(1);
    await expect(countUnanchoredElsewhere(database.db, { seminarId, essayId, userId: ben.id })).rejects.toThrow();
  });

  it("participation in a passage follows the moved note, and the instructor's placement", async () => {
    // The passage given before the revision follows its own words (lib/assignments/move-passage.ts): the sentence
    // moved in ahead of them is not part of it, so neither is the note on that sentence.
    const second = after[1]!;
    const given = await database.db.assignment.findUniqueOrThrow({ where: { id: passageOnSecond } });
    expect(given).toMatchObject({ startParagraphId: second.id, startOffset: MOVED_SENTENCE.length + 1, endParagraphId: second.id, endOffset: second.text.length });
    expect(Object.fromEntries(await participationOf(passageOnSecond))).toEqual({ [ada.id]: 0, [ben.id]: 0 }); // Ben's notes there went with their words

    // A passage on the paragraph as it is now takes in the note whose words moved there.
    const onSecond = await createAssignment(database.db, {
      userId: teacher.id, seminarId, essayId, title: "The departure, revised", prompt: "Who gains?", passage: { startParagraphId: second.id, endParagraphId: second.id },
      opensAt: T0, dueAt: new Date("2027-03-08T10:00:00.000Z"), audience: "everyone", studentIds: [], rule: { notes: 1, replies: 0 },
    });
    expect(Object.fromEntries(await participationOf(onSecond.id))).toEqual({ [ada.id]: 1, [ben.id]: 0 });

    const first = after[0]!;
    const start = first.text.indexOf("for a long time already");
    const onFirst = await createAssignment(database.db, {
      userId: teacher.id, seminarId, essayId, title: "Channels", prompt: "Which?", passage: { startParagraphId: first.id, startOffset: start, endParagraphId: first.id },
      opensAt: T0, dueAt: new Date("2027-03-08T10:00:00.000Z"), audience: "everyone", studentIds: [], rule: { notes: 1, replies: 0 },
    });
    expect(Object.fromEntries(await participationOf(onFirst.id))).toEqual({ [ada.id]: 0, [ben.id]: 1 });
  });

  it("a passage cannot be set on a removed paragraph", async () => {
    const removed = before[3]!;
    await expect(
      createAssignment(database.db, {
        userId: teacher.id, seminarId, essayId, title: "Gone", prompt: "?", passage: { startParagraphId: removed.id, endParagraphId: removed.id },
        opensAt: T0, dueAt: new Date("2027-03-08T10:00:00.000Z"), audience: "everyone", studentIds: [], rule: { notes: 1, replies: 0 },
      }),
    ).rejects.toThrow(/passage must start before it ends/);
  });
});

/**
 * What an export holds, against the real database: who may export a seminar's discussion, and which threads and
 * comments each scope keeps. Rows of the relational copy are written directly (the websocket server writes them
 * in real use; the route's tests go through it).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { expectAppError } from "../../tests/helpers/app-error";
import { createUser } from "../../tests/helpers/users";
import { createAssignment } from "../assignments/create-assignment.server";
import { roomIdFor } from "../doc/layout";
import { AppErrorCode } from "../errors/app-error";
import { ensurePrivateRoom } from "../rooms/ensure-private-room.server";
import { addEssay } from "../seminars/add-essay.server";
import { createSeminar } from "../seminars/create-seminar.server";
import { joinSeminar } from "../seminars/join-seminar.server";
import { removeEssay } from "../seminars/remove-essay.server";
import { EXPORT_NOT_AVAILABLE, loadDiscussion, type ExportRequest } from "./load-discussion.server";

type User = { id: string; name: string };
type Paragraph = { id: string; text: string };
let database: TestDatabase;
let teacher: User, ada: User, ben: User, cleo: User;
let essayId: string;
let paragraphs: Paragraph[];
let seminarId: string, roomId: string;
const SOURCE = "http://localhost:3000/seminars/s/essays/e";
const AT = (minute: number) => new Date(Date.UTC(2027, 4, 1, 9, minute));

/** An annotation row as the relational copy writes it. */
async function mark(room: string, author: User, paragraph: Paragraph, at: Date, span: [number, number] | null = [20, 30]) {
  const id = randomUUID();
  await database.db.annotation.create({
    data: {
      id,
      roomId: room,
      paragraphId: paragraph.id,
      authorId: author.id,
      kind: span ? "highlight" : "paragraph",
      color: span ? "yellow" : null,
      quote: span ? paragraph.text.slice(...span) : null,
      prefix: span ? paragraph.text.slice(Math.max(0, span[0] - 8), span[0]) : null,
      suffix: span ? paragraph.text.slice(span[1], span[1] + 8) : null,
      start: span?.[0] ?? null,
      end: span?.[1] ?? null,
      createdAt: at,
      receivedAt: at,
    },
  });
  return id;
}

async function say(room: string, author: User, annotationId: string, at: Date, body: string, more: { parentId?: string; hiddenAt?: Date; resolvedAt?: Date; deletedAt?: Date; tags?: string[] } = {}) {
  const id = randomUUID();
  await database.db.comment.create({ data: { id, roomId: room, annotationId, authorId: author.id, body, createdAt: at, receivedAt: at, parentId: null, tags: [], ...more } });
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  [teacher, ada, ben, cleo] = await Promise.all(["Teacher", "Ada", "Ben", "Cleo"].map((name) => createUser(db, name)));
  const essay = await db.essay.findFirstOrThrow({ include: { paragraphs: { orderBy: { position: "asc" } } } });
  essayId = essay.id;
  paragraphs = essay.paragraphs;
  const seminar = await createSeminar(db, { name: "Close reading", term: "Spring 2027", instructorId: teacher.id });
  seminarId = seminar.id;
  for (const student of [ada, ben]) await joinSeminar(db, { code: seminar.inviteCode!, userId: student.id });
  await addEssay(db, { seminarId, essayId, userId: teacher.id });
  roomId = roomIdFor(essayId, seminarId);
  const other = await createSeminar(db, { name: "Elsewhere", term: "Spring 2027", instructorId: teacher.id });
  await joinSeminar(db, { code: other.inviteCode!, userId: cleo.id });

  // Paragraph 3: Ada's thread with Ben's reply (resolved later by the teacher's mark on the opener).
  const a1 = await mark(roomId, ada, paragraphs[2]!, AT(1));
  const root1 = await say(roomId, ada, a1, AT(1), "Moscow prepared it", { tags: ["key point"] });
  await say(roomId, ben, a1, AT(2), "I doubt it", { parentId: root1 });
  // Paragraph 2: Ben's thread, resolved.
  const a2 = await mark(roomId, ben, paragraphs[1]!, AT(3));
  await say(roomId, ben, a2, AT(3), "Settled", { resolvedAt: AT(9) });
  // Paragraph 3 again, earlier words: a thread whose opener the teacher hid, with Ada's reply.
  const a3 = await mark(roomId, ben, paragraphs[2]!, AT(4), [2, 10]);
  const root3 = await say(roomId, ben, a3, AT(4), "Something rude", { hiddenAt: AT(8) });
  await say(roomId, ada, a3, AT(5), "Please don't", { parentId: root3 });
  // Paragraph 5: a comment on the whole paragraph, and a deleted thread.
  const a4 = await mark(roomId, teacher, paragraphs[4]!, AT(6), null);
  await say(roomId, teacher, a4, AT(6), "Read this twice");
  const gone = await mark(roomId, ada, paragraphs[4]!, AT(7));
  await say(roomId, ada, gone, AT(7), "Deleted thought", { deletedAt: AT(8) });
  await database.db.annotation.update({ where: { roomId_id: { roomId, id: gone } }, data: { deletedAt: AT(8) } });
});
afterAll(() => database.drop());

const load = (userId: string, more: Partial<ExportRequest> = {}) => loadDiscussion(database.db, { roomId, userId, sourceUrl: SOURCE, now: AT(30), ...more });
const bodies = (d: Awaited<ReturnType<typeof load>>) => d.threads.map((t) => t.comments.map((c) => c.body));

describe("who may export a seminar's discussion", () => {
  it("gives a member of another seminar, an unknown room and an essay off the list the same 404", async () => {
    await expectAppError(load(cleo.id), AppErrorCode.NotFound, EXPORT_NOT_AVAILABLE);
    await expectAppError(load(teacher.id, { roomId: `${essayId}.nope` }), AppErrorCode.NotFound, EXPORT_NOT_AVAILABLE);
    const seminar = await createSeminar(database.db, { name: "Short-lived", term: "Spring 2027", instructorId: teacher.id });
    await addEssay(database.db, { seminarId: seminar.id, essayId, userId: teacher.id });
    await removeEssay(database.db, { seminarId: seminar.id, essayId, userId: teacher.id });
    await expectAppError(load(teacher.id, { roomId: roomIdFor(essayId, seminar.id) }), AppErrorCode.NotFound, EXPORT_NOT_AVAILABLE);
  });

  it("keeps private notes to their owner", async () => {
    const room = await ensurePrivateRoom(database.db, essayId, ada.id);
    const id = await mark(room, ada, paragraphs[3]!, AT(1));
    await say(room, ada, id, AT(1), "Only mine");
    expect(bodies(await load(ada.id, { roomId: room }))).toEqual([["Only mine"]]);
    await expectAppError(load(ben.id, { roomId: room }), AppErrorCode.NotFound, EXPORT_NOT_AVAILABLE);
  });
});

describe("what an export holds", () => {
  it("is the whole discussion in reading order, without deleted threads or hidden comments", async () => {
    const d = await load(ada.id);
    expect(d.threads.map((t) => t.paragraphIndex)).toEqual([2, 3, 5]);
    expect(bodies(d)).toEqual([["Settled"], ["Moscow prepared it", "I doubt it"], ["Read this twice"]]);
    expect(d.threads[1]).toMatchObject({ kind: "highlight", quote: { exact: paragraphs[2]!.text.slice(20, 30) }, position: { start: 20, end: 30 }, author: { name: "Ada", role: "student" } });
    expect(d.threads[1]!.comments[1]).toMatchObject({ parentId: d.threads[1]!.comments[0]!.id, author: { name: "Ben" } });
    expect(d.threads[1]!.comments[0]!.tags).toEqual(["key point"]);
    expect(d.threads[2]).toMatchObject({ kind: "paragraph", quote: null, position: null, author: { role: "instructor" } });
    expect(d.threads[0]!.resolved).toBe(true);
  });

  it("reads the same threads in the same order whatever the page size", async () => {
    const whole = await load(teacher.id, { hidden: true });
    for (const pageSize of [1, 2, 3]) expect(await load(teacher.id, { hidden: true, pageSize })).toEqual(whole);
  });

  it("gives a student no hidden comment even when asked; an instructor who asks gets them marked", async () => {
    expect(bodies(await load(ada.id, { hidden: true })).flat()).not.toContain("Something rude");
    const d = await load(teacher.id, { hidden: true });
    const hidden = d.threads.find((t) => t.comments.some((c) => c.body === "Something rude"))!;
    expect(hidden.comments.map((c) => [c.body, c.hidden])).toEqual([
      ["Something rude", true],
      ["Please don't", false],
    ]);
    expect(d.threads.map((t) => t.position?.start ?? -1)).toEqual([20, 2, 20, -1]); // paragraph 3: earlier words first
    expect(bodies(await load(teacher.id)).flat()).not.toContain("Something rude");
  });

  it("leaves out resolved threads when asked", async () => {
    expect(bodies(await load(ada.id, { resolved: false })).flat()).not.toContain("Settled");
  });

  it("keeps one member's threads, with their comments and the openers they answered", async () => {
    const d = await load(teacher.id, { member: ben.id });
    expect(bodies(d)).toEqual([["Settled"], ["Moscow prepared it", "I doubt it"]]);
    expect(d.scope.member).toMatchObject({ name: "Ben", role: "student" });
    await expectAppError(load(teacher.id, { member: cleo.id }), AppErrorCode.InvalidInput, "That person is not a member of this seminar.");
  });

  it("keeps a range of paragraphs, or an assignment's passage", async () => {
    expect(bodies(await load(ada.id, { from: 3, to: 4 }))).toEqual([["Moscow prepared it", "I doubt it"]]);
    await expectAppError(load(ada.id, { from: 999 }), AppErrorCode.InvalidInput, `This essay has ${paragraphs.length} paragraphs.`);
    const { id } = await createAssignment(database.db, {
      userId: teacher.id,
      seminarId,
      essayId,
      title: "Words 15 to 25",
      prompt: "Look",
      passage: { startParagraphId: paragraphs[2]!.id, startOffset: 15, endParagraphId: paragraphs[2]!.id, endOffset: 25 },
      opensAt: AT(0),
      dueAt: AT(59),
      audience: "chosen",
      studentIds: [ada.id],
      rule: { notes: 1, replies: 0 },
    });
    const d = await load(ada.id, { assignment: id });
    expect(d.scope.assignment).toEqual({ id, title: "Words 15 to 25" });
    expect(bodies(d)).toEqual([["Moscow prepared it", "I doubt it"]]); // 20-30 overlaps 15-25; 2-10 does not
    await expectAppError(load(ben.id, { assignment: id }), AppErrorCode.InvalidInput, "There is no such assignment on this essay.");
  });

  it("decides the passage as the participation count does: sharing a character counts, touching an edge does not", async () => {
    const { db } = database;
    const seminar = await createSeminar(db, { name: "Edges", term: "Spring 2027", instructorId: teacher.id });
    await addEssay(db, { seminarId: seminar.id, essayId, userId: teacher.id });
    const room = roomIdFor(essayId, seminar.id);
    const [p2, p3, p4] = [paragraphs[2]!, paragraphs[3]!, paragraphs[4]!];
    const spans: Array<[Paragraph, [number, number] | null, string]> = [
      [p2, [10, 15], "ends where it starts"],
      [p2, [14, 16], "crosses its start"],
      [p3, [0, 5], "inside"],
      [p3, null, "whole middle paragraph"],
      [p4, [5, 9], "crosses its end"],
      [p4, [8, 12], "starts where it ends"],
    ];
    for (const [paragraph, span, body] of spans) await say(room, teacher, await mark(room, teacher, paragraph, AT(1), span), AT(1), body);
    const { id } = await createAssignment(db, {
      userId: teacher.id,
      seminarId: seminar.id,
      essayId,
      title: "Across three paragraphs",
      prompt: "Look",
      passage: { startParagraphId: p2.id, startOffset: 15, endParagraphId: p4.id, endOffset: 8 },
      opensAt: AT(0),
      dueAt: AT(59),
      audience: "everyone",
      studentIds: [],
      rule: { notes: 1, replies: 0 },
    });
    const d = await load(teacher.id, { roomId: room, assignment: id });
    expect(bodies(d).flat()).toEqual(["crosses its start", "whole middle paragraph", "inside", "crosses its end"]);
  });
});

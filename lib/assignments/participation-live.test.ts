/**
 * The whole path: students write in the seminar's room over the real websocket server, the server keeps its
 * relational copy, and participation counts from that copy. Times are the server's, so the assignment's due
 * time is set well after them; the boundaries themselves are in participation.test.ts.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { setupSeminar, type SeminarFixture } from "../../tests/helpers/seminar-fixture";
import { comment, putComment } from "../../tests/helpers/entries";
import { COMMENTS, entryKey } from "../doc/layout";
import { waitFor } from "../../tests/helpers/y-client";
import { createAssignment } from "./create-assignment.server";
import { getDashboard } from "./get-dashboard.server";

let fixture: SeminarFixture;
beforeAll(async () => {
  fixture = await setupSeminar();
});
afterAll(() => fixture.close());

it("counts what students write in the room, once the server has copied it", async () => {
  const { db } = fixture.database;
  const { teacher, ada, ben } = fixture;
  const paragraph = fixture.paragraphs.find((p) => p.text.includes("Moscow"))!;
  const seminarId = (await db.room.findUniqueOrThrow({ where: { id: fixture.firstRoom } })).seminarId!;
  const now = new Date();
  const { id: assignmentId } = await createAssignment(db, {
    userId: teacher.id,
    seminarId,
    essayId: fixture.essayId,
    title: "Moscow",
    prompt: "Why Moscow?",
    passage: { startParagraphId: paragraph.id, endParagraphId: paragraph.id },
    opensAt: new Date(now.getTime() - 3600_000),
    dueAt: new Date(now.getTime() + 86_400_000),
    audience: "everyone",
    studentIds: [],
    rule: { notes: 1, replies: 1 },
  });
  const rows = async () => (await getDashboard(db, { seminarId, assignmentId, userId: teacher.id, now: new Date() })).rows;

  const witness = await fixture.joined(teacher);
  const { mark, root } = await fixture.thread(ada, witness, "Moscow");
  const writer = await fixture.joined(ben);
  const answer = comment(ben, mark.id, "I read it differently, and here is why", root.id);
  putComment(writer.doc, answer);
  await waitFor(witness.doc, () => witness.doc.getMap(COMMENTS).has(entryKey(ben.id, answer.id)), 5000, "Ben's reply");
  await expect.poll(() => db.comment.findFirst({ where: { id: answer.id } })).not.toBeNull();

  const [forAda, forBen] = await rows();
  expect(forAda).toMatchObject({ student: { id: ada.id }, notes: 1, replies: 0, words: 4, status: "in-progress" });
  expect(forBen).toMatchObject({ student: { id: ben.id }, notes: 0, replies: 1, words: 8, status: "in-progress" });
});

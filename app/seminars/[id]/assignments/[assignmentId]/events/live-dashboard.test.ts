/**
 * The live dashboard's feed, end to end: students write in the seminar's room over the real websocket server, the
 * server copies their rows and announces them on `gloss_activity`, and the instructor's event stream (the real
 * route handler, in Next's request scope) sends a new version; the dashboard read then counts the writing in its
 * table, heat map and timeline. Writing in another seminar's room on the same essay moves none of it.
 */
import { asRequest, useAppEnvironment } from "@/tests/helpers/next-request";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAssignment } from "@/lib/assignments/create-assignment.server";
import { getDashboard } from "@/lib/assignments/get-dashboard.server";
import { closeChannelFeeds } from "@/lib/db/channel-feed.server";
import { comment, highlight, putAnnotation, putComment } from "@/tests/helpers/entries";
import { setupSeminar, type SeminarFixture } from "@/tests/helpers/seminar-fixture";
import { sessionCookie } from "@/tests/helpers/users";
import { GET as events } from "./route";

let fixture: SeminarFixture;
let assignmentId: string;
beforeAll(async () => {
  fixture = await setupSeminar();
  useAppEnvironment(fixture.database.url);
  const paragraph = fixture.paragraphs.find((p) => p.text.includes("Moscow"))!;
  const now = Date.now();
  ({ id: assignmentId } = await createAssignment(fixture.database.db, {
    userId: fixture.teacher.id,
    seminarId: fixture.firstSeminarId,
    essayId: fixture.essayId,
    title: "Moscow",
    prompt: "Why Moscow?",
    passage: { startParagraphId: paragraph.id, endParagraphId: paragraph.id },
    opensAt: new Date(now - 3600_000),
    dueAt: new Date(now + 86_400_000),
    audience: "everyone",
    studentIds: [],
    rule: { notes: 1, replies: 0 },
  }));
});
afterAll(async () => {
  await closeChannelFeeds();
  await fixture.close();
});

/** Reads Server-Sent Events' data lines off a response body, one at a time. */
function eventsOf(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  // A read that lost a race with the timeout is kept for the next call, so no chunk is dropped.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  return async function next(timeoutMs = 5000): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = /^data: (.*)\n\n/m.exec(buffered);
      if (match) {
        buffered = buffered.slice(match.index + match[0].length);
        return JSON.parse(match[1]!);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("no event in time");
      pending ??= reader.read();
      const chunk = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
      if (chunk === null) continue;
      pending = null;
      if (chunk.done) throw new Error("the stream ended");
      buffered += decoder.decode(chunk.value, { stream: true });
    }
  };
}

const dashboard = () => getDashboard(fixture.database.db, { seminarId: fixture.firstSeminarId, assignmentId, userId: fixture.teacher.id, now: new Date() });

it("tells an open dashboard of each student's writing, and the dashboard then counts it", async () => {
  const { teacher, ada, cleo } = fixture;
  const aborted = new AbortController();
  const request = new Request(`http://localhost:3000/seminars/${fixture.firstSeminarId}/assignments/${assignmentId}/events`, { signal: aborted.signal });
  const response = await asRequest(await sessionCookie(teacher.id), () => events(request, { params: Promise.resolve({ id: fixture.firstSeminarId, assignmentId }) }));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const next = eventsOf(response);

  const before = await dashboard();
  expect(await next()).toEqual({ version: before.version });
  expect(before.rows.find((row) => row.student.id === ada.id)).toMatchObject({ notes: 0, status: "not-started" });
  const paragraph = fixture.paragraphs.find((p) => p.text.includes("Moscow"))!;
  const heat = (d: Awaited<ReturnType<typeof dashboard>>) => d.heatMap.paragraphs.find((p) => p.id === paragraph.id)!;
  expect(heat(before)).toMatchObject({ notes: 0, comments: 0 });

  // Another seminar reading the same essay: its room is not this one, so nothing is sent and nothing counts.
  const elsewhere = await fixture.joined(cleo, fixture.secondRoom);
  const mark = highlight(cleo, paragraph, "Moscow");
  const note = comment(cleo, mark.id, "Elsewhere, a note on Moscow");
  elsewhere.doc.transact(() => {
    putAnnotation(elsewhere.doc, mark);
    putComment(elsewhere.doc, note);
  });
  await expect.poll(() => fixture.database.db.comment.findFirst({ where: { id: note.id } })).not.toBeNull();
  await expect(next(1000)).rejects.toThrow("no event in time");
  expect((await dashboard()).version).toBe(before.version);

  const witness = await fixture.joined(teacher);
  await fixture.thread(ada, witness, "Moscow");

  const { version } = (await next()) as { version: string };
  expect(version).not.toBe(before.version);
  const after = await dashboard();
  expect(after.version).toBe(version);
  expect(after.rows.find((row) => row.student.id === ada.id)).toMatchObject({ notes: 1, status: "done" });
  expect(heat(after)).toMatchObject({ notes: 1, comments: 1 });
  expect(after.heatMap.max).toBe(2);
  expect(after.timeline.buckets.reduce((sum, b) => sum + b.notes, 0)).toBe(1);

  aborted.abort();
  await expect(next(1000)).rejects.toThrow(/ended|no event/);
});

/**
 * Hiding a comment takes its text out of the shared document: no student's client receives it, whether it
 * joins later, was there when it was hidden, or the author edits it while it is hidden. Instructors read it
 * from the withheld store; showing the comment again brings it back; deleting it takes its moderation along.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import { COMMENTS, HIDDEN, RESOLVED, entryKey, type Comment } from "../lib/doc/layout";
import { getWithheldComments } from "../lib/rooms/get-withheld-comments.server";
import { putComment } from "../tests/helpers/entries";
import { updateFor } from "../tests/helpers/forge-update";
import { setupSeminar, type SeminarFixture } from "../tests/helpers/seminar-fixture";
import { sessionCookie } from "../tests/helpers/users";
import { connectClient, waitFor, type TestClient } from "../tests/helpers/y-client";
import { startTestServer } from "../tests/helpers/ws-server";

let f: SeminarFixture;

beforeAll(async () => {
  f = await setupSeminar();
});

afterAll(async () => {
  await f.close();
});

/** Whether any frame the client received contains `text` (as UTF-8, the way Yjs encodes strings). */
function everReceived(client: TestClient, text: string): boolean {
  const needle = Buffer.from(text);
  return client.received.some((frame) => Buffer.from(frame).includes(needle));
}

const moderation = (by: { id: string; name: string }, id: string) => ({ id, byId: by.id, byName: by.name, at: Date.now() });

async function hide(instructor: TestClient, commentId: string) {
  instructor.doc.getMap(HIDDEN).set(commentId, moderation(f.teacher, commentId));
}

describe("a hidden comment's text", () => {
  it("reaches no student after it is hidden, is kept for instructors, and comes back when shown again", async () => {
    const instructor = await f.joined(f.teacher);
    const { root } = await f.thread(f.ada, instructor, "Kremlin");
    const present = await f.joined(f.ben);
    await hide(instructor, root.id);
    const stubbed = () => (present.doc.getMap<Comment>(COMMENTS).get(entryKey(f.ada.id, root.id))?.withheld ?? false) as boolean;
    await waitFor(present.doc, stubbed, 5000, "the stub at the student who was there");
    expect(present.doc.getMap<Comment>(COMMENTS).get(entryKey(f.ada.id, root.id))).toMatchObject({ body: "", tags: [], mentions: [], withheld: true });
    expect(present.doc.getMap(HIDDEN).has(root.id)).toBe(true);

    const late = await f.joined(f.ben);
    expect(late.doc.getMap<Comment>(COMMENTS).get(entryKey(f.ada.id, root.id))).toMatchObject({ body: "", withheld: true });
    expect(everReceived(late, root.body)).toBe(false);
    // Instructors read it from the withheld store; the relational copy keeps it for exports.
    await expect.poll(() => getWithheldComments(f.database.db, f.firstRoom)).toEqual([expect.objectContaining({ id: root.id, body: root.body })]);
    await expect.poll(() => f.database.db.comment.findFirst({ where: { id: root.id } })).toMatchObject({ body: root.body, hiddenAt: expect.any(Date) });

    instructor.doc.getMap(HIDDEN).delete(root.id);
    await waitFor(late.doc, () => late.doc.getMap<Comment>(COMMENTS).get(entryKey(f.ada.id, root.id))?.body === root.body, 5000, "the text back");
    expect(await getWithheldComments(f.database.db, f.firstRoom)).toEqual([]);
    expect(instructor.ws.readyState).toBe(instructor.ws.OPEN);
  });

  it("stays withheld when its author edits it while it is hidden: the new text reaches no student either", async () => {
    const instructor = await f.joined(f.teacher);
    const { root, writer } = await f.thread(f.ada, instructor, "Beijing");
    const student = await f.joined(f.ben);
    // The author's page has not heard of the hide yet: its edit and the hide cross on the way.
    const edit: Comment = { ...root, body: "A sharper second thought", editedAt: Date.now() };
    await hide(instructor, root.id);
    putComment(writer.doc, edit);
    await expect.poll(() => getWithheldComments(f.database.db, f.firstRoom)).toContainEqual(expect.objectContaining({ id: root.id, body: edit.body }));
    await waitFor(student.doc, () => student.doc.getMap<Comment>(COMMENTS).get(entryKey(f.ada.id, root.id))?.withheld === true, 5000, "the stub");
    const late = await f.joined(f.ben);
    for (const client of [student, late]) {
      expect(everReceived(client, edit.body)).toBe(false);
      expect(client.doc.getMap<Comment>(COMMENTS).get(entryKey(f.ada.id, root.id))).toMatchObject({ body: "", withheld: true });
    }
    expect(writer.ws.readyState).toBe(writer.ws.OPEN);
    instructor.doc.getMap(HIDDEN).delete(root.id);
    await waitFor(late.doc, () => late.doc.getMap<Comment>(COMMENTS).get(entryKey(f.ada.id, root.id))?.body === edit.body, 5000, "the edited text back");
  });
});

describe("moderation of a deleted comment", () => {
  it("goes with the comment: hide and resolve entries do not linger", async () => {
    const instructor = await f.joined(f.teacher);
    const { root, writer } = await f.thread(f.ada, instructor, "Washington");
    writer.doc.getMap(RESOLVED).set(root.id, moderation(f.ada, root.id));
    await hide(instructor, root.id);
    await waitFor(writer.doc, () => writer.doc.getMap(HIDDEN).has(root.id) && writer.doc.getMap(RESOLVED).has(root.id), 5000, "hide and resolve");
    writer.doc.getMap(COMMENTS).delete(entryKey(f.ada.id, root.id));
    await waitFor(instructor.doc, () => !instructor.doc.getMap(HIDDEN).has(root.id) && !instructor.doc.getMap(RESOLVED).has(root.id), 5000, "moderation gone");
    expect(await getWithheldComments(f.database.db, f.firstRoom)).not.toContainEqual(expect.objectContaining({ id: root.id }));
    const late = await f.joined(f.ben);
    expect(late.doc.getMap(HIDDEN).has(root.id)).toBe(false);
    expect(late.doc.getMap(RESOLVED).has(root.id)).toBe(false);
  });

  it("is undone, not refused, when it crosses the deletion: the instructor's page is not closed for its timing", async () => {
    const instructor = await f.joined(f.teacher);
    const { root, writer } = await f.thread(f.ada, instructor, "Kabul");
    // The instructor's page hides the comment before it hears that Ada deleted it: its update is built on a
    // copy of its document taken while the comment was still there.
    const stale = await f.joined(f.teacher);
    const before = new Y.Doc();
    Y.applyUpdate(before, Y.encodeStateAsUpdate(stale.doc));
    before.clientID = stale.doc.clientID;
    writer.doc.getMap(COMMENTS).delete(entryKey(f.ada.id, root.id));
    await waitFor(instructor.doc, () => !instructor.doc.getMap(COMMENTS).has(entryKey(f.ada.id, root.id)), 5000, "the deletion");
    const hide = updateFor(before, (doc) => doc.getMap(HIDDEN).set(root.id, moderation(f.teacher, root.id)));
    stale.sendUpdate(hide);
    // The hide was applied (its item reaches the instructor: readers are sent each stored batch as one update, so
    // with the server's undoing in the same batch it never shows) and undone by the server.
    const hideArrived = () => Y.getState(instructor.doc.store, before.clientID) >= Y.parseUpdateMeta(hide).to.get(before.clientID)!;
    await waitFor(instructor.doc, () => hideArrived() && !instructor.doc.getMap(HIDDEN).has(root.id), 5000, "the hide undone");
    expect(stale.ws.readyState).toBe(stale.ws.OPEN);
    const late = await f.joined(f.ben);
    expect(late.doc.getMap(HIDDEN).has(root.id)).toBe(false);
  });
});

describe("across instances", () => {
  it("reaches no student on another instance either, when the author's edit crosses the hide", async () => {
    const redisUrl = inject("redisUrl");
    const g = await setupSeminar({ redisUrl });
    const other = await startTestServer(g.database.db, { redisUrl });
    try {
      // The instructor and the author on the fixture's instance, the student on the other one.
      const instructor = await g.joined(g.teacher);
      const { root, writer } = await g.thread(g.ada, instructor, "Kabul");
      const student = connectClient(other.roomUrl(g.firstRoom), { cookie: await sessionCookie(g.ben.id), origin: other.origin });
      await student.synced;
      const edit: Comment = { ...root, body: "Withheld on every instance", editedAt: Date.now() };
      instructor.doc.getMap(HIDDEN).set(root.id, moderation(g.teacher, root.id));
      putComment(writer.doc, edit);
      await expect.poll(() => getWithheldComments(g.database.db, g.firstRoom)).toContainEqual(expect.objectContaining({ id: root.id, body: edit.body }));
      await waitFor(student.doc, () => student.doc.getMap<Comment>(COMMENTS).get(entryKey(g.ada.id, root.id))?.withheld === true, 5000, "the stub on the other instance");
      expect(everReceived(student, edit.body)).toBe(false);
      expect(student.doc.getMap<Comment>(COMMENTS).get(entryKey(g.ada.id, root.id))).toMatchObject({ body: "", withheld: true });
      student.ws.terminate();
    } finally {
      await other.close();
      await g.close();
    }
  });
});

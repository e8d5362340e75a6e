import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryKey, privateRoomIdFor } from "../doc/layout";
import { ensurePrivateRoom } from "../rooms/ensure-private-room.server";
import { comment, highlight, putAnnotation, putComment } from "../../tests/helpers/entries";
import { setupSeminar, type SeminarFixture } from "../../tests/helpers/seminar-fixture";
import { waitFor } from "../../tests/helpers/y-client";
import { listNotifications } from "./list-notifications.server";
import { markRead } from "./mark-read.server";
import { openNotification } from "./open-notification.server";

let f: SeminarFixture;

beforeAll(async () => {
  f = await setupSeminar();
});

afterAll(async () => {
  await f.close();
});

const notificationsOf = (userId: string) => f.database.db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

describe("notifications made as comments are stored", () => {
  it("tells the author of a comment about a reply, and a mentioned member about the mention, once each", async () => {
    const witness = await f.joined(f.teacher);
    const { mark, root } = await f.thread(f.ada, witness, "Kremlin");
    const ben = await f.joined(f.ben);
    const reply = { ...comment(f.ben, mark.id, "Not only the Kremlin, @Teacher", root.id), mentions: [f.teacher.id, f.ada.id] };
    putComment(ben.doc, reply);
    await expect.poll(() => notificationsOf(f.ada.id)).toHaveLength(1);
    const [toAda] = await notificationsOf(f.ada.id);
    // Ada was both replied to and mentioned: she is told once, of the reply.
    expect(toAda).toMatchObject({
      kind: "reply",
      title: `${f.ben.name} replied to your comment`,
      excerpt: reply.body,
      href: expect.stringMatching(new RegExp(`/essays/[^/]+#thread-${mark.id}$`)),
      readAt: null,
    });
    await expect.poll(() => notificationsOf(f.teacher.id)).toMatchObject([{ kind: "mention", title: `${f.ben.name} mentioned you` }]);
    // Ben is told nothing about his own comment, nor is Cleo, who belongs to another seminar.
    expect(await notificationsOf(f.ben.id)).toEqual([]);
    expect(await notificationsOf(f.cleo.id)).toEqual([]);

    // Copying the room again (a restart loads it whole) tells nobody twice.
    await f.restart();
    const again = await f.joined(f.teacher);
    await waitFor(again.doc, () => again.doc.getMap("comments").has(entryKey(f.ben.id, reply.id)), 5000, "the reply after the restart");
    const late = await f.joined(f.ada);
    putAnnotation(late.doc, highlight(f.ada, f.paragraphs[2]!, f.paragraphs[2]!.text.slice(0, 9))); // a later copy runs
    await expect.poll(() => f.database.db.annotation.count({ where: { roomId: f.firstRoom, authorId: f.ada.id } })).toBeGreaterThan(1);
    expect(await notificationsOf(f.ada.id)).toHaveLength(1);
  });

  it("says nothing for a reply to oneself, and nothing from private notes", async () => {
    const witness = await f.joined(f.teacher);
    const { mark, root, writer } = await f.thread(f.ben, witness, "Beijing");
    const before = (await notificationsOf(f.ben.id)).length;
    putComment(writer.doc, comment(f.ben, mark.id, "Answering myself", root.id));
    await ensurePrivateRoom(f.database.db, f.essayId, f.ben.id);
    const notes = await f.joined(f.ben, privateRoomIdFor(f.essayId, f.ben.id));
    const privateMark = highlight(f.ben, f.paragraphs[0]!, f.paragraphs[0]!.text.slice(0, 8));
    notes.doc.transact(() => {
      putAnnotation(notes.doc, privateMark);
      putComment(notes.doc, { ...comment(f.ben, privateMark.id, "note to self @Ada"), mentions: [f.ada.id] });
    });
    await expect.poll(() => f.database.db.comment.count({ where: { body: "note to self @Ada" } })).toBe(1);
    await expect.poll(() => f.database.db.comment.count({ where: { body: "Answering myself" } })).toBe(1);
    expect(await notificationsOf(f.ben.id)).toHaveLength(before);
    expect(await f.database.db.notification.count({ where: { userId: f.ada.id, excerpt: "note to self @Ada" } })).toBe(0);
  });
});

describe("reading notifications", () => {
  it("marks only the reader's own read, one or all, and opens only the reader's own", async () => {
    const { db } = f.database;
    const [adas] = await notificationsOf(f.ada.id);
    expect(adas).toBeDefined();
    expect(await markRead(db, { userId: f.ben.id, id: adas!.id })).toBe(0);
    expect(await openNotification(db, { userId: f.ben.id, id: adas!.id })).toBeNull();
    expect((await listNotifications(db, { userId: f.ada.id })).unread).toBeGreaterThan(0);
    expect(await openNotification(db, { userId: f.ada.id, id: adas!.id })).toBe(adas!.href);
    expect((await db.notification.findUniqueOrThrow({ where: { id: adas!.id } })).readAt).not.toBeNull();
    await markRead(db, { userId: f.teacher.id });
    expect((await listNotifications(db, { userId: f.teacher.id })).unread).toBe(0);
  });
});

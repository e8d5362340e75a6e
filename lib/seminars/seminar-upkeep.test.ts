/**
 * Seminar upkeep against a real database: taking an essay off the reading list (its discussion kept, its room
 * closed, and the same discussion back when the essay returns; not while assignments use it), renaming, and
 * archiving (read-only for everyone, every change refused until it is unarchived, assignments' included). Each is
 * for the seminar's instructors only.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssignment } from "../assignments/create-assignment.server";
import { deleteAssignment } from "../assignments/delete-assignment.server";
import { editAssignment } from "../assignments/edit-assignment.server";
import { extendDueDate } from "../assignments/extend-due-date.server";
import { setAssignmentClosed } from "../assignments/set-assignment-closed.server";
import * as Y from "yjs";
import { listenToAccessEvents } from "../../tests/helpers/access-events";
import { expectAppError } from "../../tests/helpers/app-error";
import { highlight, putAnnotation } from "../../tests/helpers/entries";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { createUser } from "../../tests/helpers/users";
import { roomIdFor } from "../doc/layout";
import { AppErrorCode } from "../errors/app-error";
import { authorizeRoom, ESSAY_NOT_ON_LIST } from "../rooms/authorize-room.server";
import { addEssay } from "./add-essay.server";
import { addTag } from "./add-tag.server";
import { archiveSeminar } from "./archive-seminar.server";
import { createSeminar } from "./create-seminar.server";
import { findSeminarByInvite } from "./find-seminar-by-invite.server";
import { getSeminar } from "./get-seminar.server";
import { ARCHIVED_NOT_JOINABLE, joinSeminar } from "./join-seminar.server";
import { listMySeminars } from "./list-my-seminars.server";
import { essayHasAssignments, NOT_ON_LIST, removeEssay } from "./remove-essay.server";
import { removeMember } from "./remove-member.server";
import { renameSeminar } from "./rename-seminar.server";
import { requireEditableSeminar, SEMINAR_ARCHIVED } from "./require-editable-seminar.server";
import { INSTRUCTORS_ONLY } from "./require-instructor.server";
import { RenameSeminarSchema } from "./schemas";
import { setInviteCode } from "./set-invite-code.server";
import { unarchiveSeminar } from "./unarchive-seminar.server";

type User = { id: string; name: string };
let database: TestDatabase;
let teacher: User, ada: User, ben: User, outsider: User;
let essayId: string;
let otherEssayId: string;
let paragraph: { id: string; text: string };

beforeAll(async () => {
  database = await createTestDatabase();
  [teacher, ada, ben, outsider] = await Promise.all(["Teacher", "Ada", "Ben", "Outsider"].map((name) => createUser(database.db, name)));
  const essay = await database.db.essay.findFirstOrThrow({ include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" }, take: 1 } } });
  essayId = essay.id;
  paragraph = essay.paragraphs[0]!;
  // A second essay for the library, so that an archived seminar has something it could have added.
  otherEssayId = (await database.db.essay.create({ data: { slug: `other-${Date.now()}`, title: "Another essay" }, select: { id: true } })).id;
});
afterAll(() => database.drop());

/** A seminar taught by `teacher`, with Ada as a student and the essay on its list; the outsider teaches another. */
async function seminarWithEssay(name = "Close reading") {
  const seminar = await createSeminar(database.db, { name, term: "Spring 2027", instructorId: teacher.id });
  await joinSeminar(database.db, { code: seminar.inviteCode!, userId: ada.id });
  await addEssay(database.db, { seminarId: seminar.id, essayId, userId: teacher.id });
  await createSeminar(database.db, { name: "The outsider's own", term: "Spring 2027", instructorId: outsider.id });
  return { seminarId: seminar.id, code: seminar.inviteCode!, roomId: roomIdFor(essayId, seminar.id) };
}

/** Stores a note in the room's log as the websocket server would, and answers the log as stored. */
async function writeNote(roomId: string) {
  const doc = new Y.Doc();
  putAnnotation(doc, highlight(ada, paragraph, paragraph.text.slice(0, 10)));
  await database.db.roomUpdate.create({ data: { roomId, data: new Uint8Array(Y.encodeStateAsUpdate(doc)) } });
  return logOf(roomId);
}

function logOf(roomId: string) {
  return database.db.roomUpdate.findMany({ where: { roomId }, orderBy: { id: "asc" }, select: { id: true, data: true } });
}

/** Everything about a seminar an action could change, to compare before and after a refusal. */
async function snapshot(seminarId: string) {
  return database.db.seminar.findUniqueOrThrow({
    where: { id: seminarId },
    select: {
      name: true,
      term: true,
      inviteCode: true,
      archivedAt: true,
      essays: { orderBy: { essayId: "asc" }, select: { essayId: true } },
      members: { orderBy: { userId: "asc" }, select: { userId: true, role: true } },
      tags: { orderBy: { name: "asc" }, select: { name: true } },
      rooms: { orderBy: { id: "asc" }, select: { id: true } },
    },
  });
}

describe("taking an essay off the reading list", () => {
  it("keeps its discussion but closes its room to everyone; adding it again brings the same discussion back", async () => {
    const { seminarId, roomId } = await seminarWithEssay();
    const log = await writeNote(roomId);

    await removeEssay(database.db, { seminarId, essayId, userId: teacher.id });
    expect((await getSeminar(database.db, { seminarId, userId: ada.id })).essays).toEqual([]);
    for (const user of [ada, teacher]) await expectAppError(authorizeRoom(database.db, roomId, user.id), AppErrorCode.NotFound, ESSAY_NOT_ON_LIST);
    // An outsider hears what it always hears, so it cannot tell a listed essay from a removed one.
    await expectAppError(authorizeRoom(database.db, roomId, outsider.id), AppErrorCode.Forbidden);
    expect(await database.db.room.findUnique({ where: { id: roomId }, select: { seminarId: true } })).toEqual({ seminarId });
    expect(await logOf(roomId)).toEqual(log);

    await addEssay(database.db, { seminarId, essayId, userId: teacher.id });
    expect((await getSeminar(database.db, { seminarId, userId: ada.id })).essays.map((essay) => essay.id)).toEqual([essayId]);
    expect((await authorizeRoom(database.db, roomId, ada.id)).room.id).toBe(roomId);
    expect(await database.db.room.count({ where: { seminarId } })).toBe(1);
    expect(await logOf(roomId)).toEqual(log);
  });

  it("is refused to a student and to an instructor of another seminar, and the essay stays", async () => {
    const { seminarId } = await seminarWithEssay();
    const before = await snapshot(seminarId);
    for (const user of [ada, outsider]) await expectAppError(removeEssay(database.db, { seminarId, essayId, userId: user.id }), AppErrorCode.Forbidden, INSTRUCTORS_ONLY);
    await expectAppError(removeEssay(database.db, { seminarId: "no-such-seminar", essayId, userId: outsider.id }), AppErrorCode.Forbidden, INSTRUCTORS_ONLY);
    expect(await snapshot(seminarId)).toEqual(before);
  });

  it("says clearly when the essay is not on the list", async () => {
    const { seminarId } = await seminarWithEssay();
    await expectAppError(removeEssay(database.db, { seminarId, essayId: otherEssayId, userId: teacher.id }), AppErrorCode.NotFound, NOT_ON_LIST);
    await removeEssay(database.db, { seminarId, essayId, userId: teacher.id });
    await expectAppError(removeEssay(database.db, { seminarId, essayId, userId: teacher.id }), AppErrorCode.NotFound, NOT_ON_LIST);
  });

  it("tells the websocket servers once committed, and not for a refused removal", async () => {
    const { seminarId } = await seminarWithEssay();
    const events = await listenToAccessEvents(database.url);
    try {
      await expectAppError(removeEssay(database.db, { seminarId, essayId, userId: ada.id }), AppErrorCode.Forbidden);
      await removeEssay(database.db, { seminarId, essayId, userId: teacher.id });
      // Notifications arrive in commit order: had the refused removal sent one, it would come first.
      expect(await events.next(1)).toEqual([{ type: "essay-removed", seminarId, essayId }]);
    } finally {
      await events.close();
    }
  });
});

describe("renaming a seminar", () => {
  it("changes the name and term its members see", async () => {
    const { seminarId } = await seminarWithEssay("Old name");
    const input = RenameSeminarSchema.parse({ seminarId, name: "  Russia and its neighbours ", term: " Autumn 2027" });
    await renameSeminar(database.db, { ...input, userId: teacher.id });
    expect(await getSeminar(database.db, { seminarId, userId: ada.id })).toMatchObject({ name: "Russia and its neighbours", term: "Autumn 2027" });
    expect((await listMySeminars(database.db, { userId: ada.id })).find((seminar) => seminar.id === seminarId)).toMatchObject({ name: "Russia and its neighbours" });
  });

  it("asks for a name and a term with the creating form's words", () => {
    const result = RenameSeminarSchema.safeParse({ seminarId: "s", name: " ", term: "x".repeat(61) });
    expect(result.success).toBe(false);
    expect(Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]))).toEqual({
      name: "Give the seminar a name.",
      term: "Use at most 60 characters for the term.",
    });
  });

  it("is refused to a student and to an instructor of another seminar", async () => {
    const { seminarId } = await seminarWithEssay("Kept name");
    for (const user of [ada, outsider]) {
      await expectAppError(renameSeminar(database.db, { seminarId, name: "Taken over", term: "Never", userId: user.id }), AppErrorCode.Forbidden, INSTRUCTORS_ONLY);
    }
    expect(await getSeminar(database.db, { seminarId, userId: teacher.id })).toMatchObject({ name: "Kept name", term: "Spring 2027" });
  });
});

describe("archiving a seminar", () => {
  it("makes it read-only for everyone, and says so to every member", async () => {
    const { seminarId, roomId } = await seminarWithEssay();
    await archiveSeminar(database.db, { seminarId, userId: teacher.id });
    for (const user of [ada, teacher]) {
      expect((await getSeminar(database.db, { seminarId, userId: user.id })).archived).toBe(true);
      // Still readable: the room opens, read-only.
      expect(await authorizeRoom(database.db, roomId, user.id)).toMatchObject({ readOnly: true });
    }
    expect((await listMySeminars(database.db, { userId: ada.id })).find((seminar) => seminar.id === seminarId)).toMatchObject({ archived: true });
  });

  it("refuses every change with one clear message, and changes nothing", async () => {
    const { seminarId, code } = await seminarWithEssay();
    await database.db.membership.create({ data: { seminarId, userId: ben.id, role: "student" } });
    await archiveSeminar(database.db, { seminarId, userId: teacher.id });
    const before = await snapshot(seminarId);
    const userId = teacher.id;
    const changes = [
      () => addEssay(database.db, { seminarId, essayId: otherEssayId, userId }),
      () => removeEssay(database.db, { seminarId, essayId, userId }),
      () => addTag(database.db, { seminarId, name: "method", userId }),
      () => renameSeminar(database.db, { seminarId, name: "Renamed", term: "Later", userId }),
      () => setInviteCode(database.db, { seminarId, userId, revoke: false }),
      () => setInviteCode(database.db, { seminarId, userId, revoke: true }),
      () => removeMember(database.db, { seminarId, memberId: ben.id, userId }),
    ];
    for (const change of changes) await expectAppError(change(), AppErrorCode.Conflict, SEMINAR_ARCHIVED);
    await expectAppError(joinSeminar(database.db, { code, userId: outsider.id }), AppErrorCode.Conflict, ARCHIVED_NOT_JOINABLE);
    expect(await findSeminarByInvite(database.db, { code })).toMatchObject({ id: seminarId, archived: true });
    expect(await snapshot(seminarId)).toEqual(before);
  });

  it("tells a student or an outsider only that they may not, archived or not", async () => {
    const { seminarId } = await seminarWithEssay();
    await archiveSeminar(database.db, { seminarId, userId: teacher.id });
    for (const user of [ada, outsider]) {
      await expectAppError(addTag(database.db, { seminarId, name: "method", userId: user.id }), AppErrorCode.Forbidden, INSTRUCTORS_ONLY);
      await expectAppError(removeEssay(database.db, { seminarId, essayId, userId: user.id }), AppErrorCode.Forbidden, INSTRUCTORS_ONLY);
    }
  });

  it("and unarchiving are for instructors only", async () => {
    const { seminarId } = await seminarWithEssay();
    for (const user of [ada, outsider]) await expectAppError(archiveSeminar(database.db, { seminarId, userId: user.id }), AppErrorCode.Forbidden, INSTRUCTORS_ONLY);
    expect((await snapshot(seminarId)).archivedAt).toBeNull();
    await archiveSeminar(database.db, { seminarId, userId: teacher.id });
    for (const user of [ada, outsider]) await expectAppError(unarchiveSeminar(database.db, { seminarId, userId: user.id }), AppErrorCode.Forbidden, INSTRUCTORS_ONLY);
    expect((await snapshot(seminarId)).archivedAt).not.toBeNull();
  });

  it("is undone by unarchiving: changes work again and the rooms are writable", async () => {
    const { seminarId, roomId } = await seminarWithEssay();
    await archiveSeminar(database.db, { seminarId, userId: teacher.id });
    await unarchiveSeminar(database.db, { seminarId, userId: teacher.id });
    expect((await getSeminar(database.db, { seminarId, userId: ada.id })).archived).toBe(false);
    expect(await authorizeRoom(database.db, roomId, ada.id)).toMatchObject({ readOnly: false });
    await addTag(database.db, { seminarId, name: "method", userId: teacher.id });
    await renameSeminar(database.db, { seminarId, name: "Reopened", term: "Spring 2027", userId: teacher.id });
    expect(await snapshot(seminarId)).toMatchObject({ name: "Reopened", tags: [{ name: "method" }], archivedAt: null });
  });

  it("tells the websocket servers once, at commit; archiving again, or a refused archive, sends nothing", async () => {
    const { seminarId } = await seminarWithEssay();
    const events = await listenToAccessEvents(database.url);
    try {
      await expectAppError(archiveSeminar(database.db, { seminarId, userId: ada.id }), AppErrorCode.Forbidden);
      await archiveSeminar(database.db, { seminarId, userId: teacher.id });
      await archiveSeminar(database.db, { seminarId, userId: teacher.id });
      // A later event in the same order shows that nothing else was sent in between.
      await removeMember(database.db, { seminarId: (await seminarWithEssay()).seminarId, memberId: ada.id, userId: teacher.id });
      const heard = await events.next(2);
      expect(heard).toEqual([{ type: "seminar-archived", seminarId }, expect.objectContaining({ type: "member-removed" })]);
    } finally {
      await events.close();
    }
  });

  it("waits for a change already under way, and refuses one that starts after it", async () => {
    const { seminarId } = await seminarWithEssay();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let checked!: () => void;
    const passedCheck = new Promise<void>((resolve) => (checked = resolve));
    // A change that has passed its check and has yet to write when the archive comes.
    const change = database.db.$transaction(async (tx) => {
      await requireEditableSeminar(tx, seminarId, teacher.id);
      checked();
      await released;
      await tx.seminarTag.create({ data: { seminarId, name: "under way" } });
    });
    await passedCheck;
    const archiving = archiveSeminar(database.db, { seminarId, userId: teacher.id });
    await expect.poll(() => waitingForLocks()).toBeGreaterThan(0);
    expect((await snapshot(seminarId)).archivedAt).toBeNull();
    release();
    await Promise.all([change, archiving]);
    expect(await snapshot(seminarId)).toMatchObject({ tags: [{ name: "under way" }], archivedAt: expect.any(Date) });
    await expectAppError(addTag(database.db, { seminarId, name: "after", userId: teacher.id }), AppErrorCode.Conflict, SEMINAR_ARCHIVED);
  });
});

describe("assignments and upkeep", () => {
  /** An assignment of the essay's first paragraph to the whole seminar, made by the teacher. */
  async function assign(seminarId: string, title = "Read closely") {
    const day = 86_400_000;
    const fields = {
      seminarId,
      essayId,
      title,
      prompt: "What is prepared, and by whom?",
      passage: { startParagraphId: paragraph.id, endParagraphId: paragraph.id },
      opensAt: new Date(Date.now() - day),
      dueAt: new Date(Date.now() + day),
      audience: "everyone" as const,
      studentIds: [],
      rule: { notes: 1, replies: 0 },
    };
    const { id } = await createAssignment(database.db, { ...fields, userId: teacher.id });
    return { id, fields };
  }

  it("keeps an essay on the list while assignments use it, and says why", async () => {
    const { seminarId } = await seminarWithEssay();
    const { id } = await assign(seminarId);
    await assign(seminarId, "Read again");
    await expectAppError(removeEssay(database.db, { seminarId, essayId, userId: teacher.id }), AppErrorCode.Conflict, essayHasAssignments(2));
    await deleteAssignment(database.db, { seminarId, assignmentId: id, userId: teacher.id });
    await expectAppError(removeEssay(database.db, { seminarId, essayId, userId: teacher.id }), AppErrorCode.Conflict, essayHasAssignments(1));
    expect((await snapshot(seminarId)).essays).toEqual([{ essayId }]);
  });

  it("refuses every change to an archived seminar's assignments, and changes nothing", async () => {
    const { seminarId } = await seminarWithEssay();
    const { id: assignmentId, fields } = await assign(seminarId);
    await archiveSeminar(database.db, { seminarId, userId: teacher.id });
    const before = await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, include: { students: true, extensions: true } });
    const userId = teacher.id;
    const changes = [
      () => createAssignment(database.db, { ...fields, title: "After the end", userId }),
      () => editAssignment(database.db, { ...fields, assignmentId, title: "Edited after the end", userId }),
      () => setAssignmentClosed(database.db, { seminarId, assignmentId, closed: true, now: new Date(), userId }),
      () => extendDueDate(database.db, { seminarId, assignmentId, studentId: ada.id, dueAt: new Date(Date.now() + 7 * 86_400_000), userId }),
      () => deleteAssignment(database.db, { seminarId, assignmentId, userId }),
    ];
    for (const change of changes) await expectAppError(change(), AppErrorCode.Conflict, SEMINAR_ARCHIVED);
    expect(await database.db.assignment.count({ where: { seminarId } })).toBe(1);
    expect(await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, include: { students: true, extensions: true } })).toEqual(before);
  });
});

/** How many sessions on the test database are waiting for a lock (the archive, behind the change under way). */
async function waitingForLocks(): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

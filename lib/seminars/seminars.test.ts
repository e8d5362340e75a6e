/**
 * Seminar management against a real database: creating, inviting, joining, and what students may not do.
 * Codes go through InviteCodeSchema first, as the forms and the join page do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { listenToAccessEvents } from "../../tests/helpers/access-events";
import { expectAppError } from "../../tests/helpers/app-error";
import { createUser } from "../../tests/helpers/users";
import { authorizeRoom } from "../rooms/authorize-room.server";
import { BUILT_IN_TAGS, roomIdFor } from "../doc/layout";
import { THROTTLE_RULES } from "../security/throttle-rules";
import { AppError, AppErrorCode } from "../errors/app-error";
import { addEssay } from "./add-essay.server";
import { addTag } from "./add-tag.server";
import { createSeminar } from "./create-seminar.server";
import { findSeminarByInvite } from "./find-seminar-by-invite.server";
import { getRole } from "./get-role.server";
import { getSeminar, SEMINAR_NOT_AVAILABLE } from "./get-seminar.server";
import { guardInviteCode } from "./guard-invite-code.server";
import { REMOVED_NOT_JOINABLE, joinSeminar } from "./join-seminar.server";
import { NOT_REMOVED, letRejoin } from "./let-rejoin.server";
import { listMySeminars } from "./list-my-seminars.server";
import { LAST_INSTRUCTOR, NOT_A_MEMBER, removeMember } from "./remove-member.server";
import { InviteCodeSchema } from "./schemas";
import { setInviteCode } from "./set-invite-code.server";

type User = { id: string; name: string };
let database: TestDatabase;
let teacher: User, ada: User, ben: User, outsider: User;
let essayId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  [teacher, ada, ben, outsider] = await Promise.all(["Teacher", "Ada", "Ben", "Outsider"].map((name) => createUser(database.db, name)));
  essayId = (await database.db.essay.findFirstOrThrow({ select: { id: true } })).id;
});
afterAll(() => database.drop());

/** A fresh seminar taught by `teacher`, so tests do not depend on each other's codes. */
async function newSeminar(name = "Russia and its neighbours") {
  const seminar = await createSeminar(database.db, { name, term: "Spring 2027", instructorId: teacher.id });
  return { id: seminar.id, code: seminar.inviteCode! };
}

function join(code: string, user: User) {
  return joinSeminar(database.db, { code: InviteCodeSchema.parse(code), userId: user.id });
}

describe("creating and joining", () => {
  it("makes the creator the instructor", async () => {
    const { id, code } = await newSeminar();
    expect(await getRole(database.db, id, teacher.id)).toBe("instructor");
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
  });

  it("joins with the code in lower case, with a dash or with spaces", async () => {
    const { id, code } = await newSeminar();
    await join(code.toLowerCase(), ada);
    await join(` ${code.slice(0, 4)}-${code.slice(4)} `, ben);
    await join(`${code.slice(0, 4)} ${code.slice(4).toLowerCase()}`, outsider);
    for (const user of [ada, ben, outsider]) expect(await getRole(database.db, id, user.id)).toBe("student");
  });

  it("lets a member who joins again keep their role", async () => {
    const { id, code } = await newSeminar();
    await join(code, ada);
    await join(code, ada);
    await join(code, teacher);
    expect(await getRole(database.db, id, ada.id)).toBe("student");
    expect(await getRole(database.db, id, teacher.id)).toBe("instructor");
    expect(await database.db.membership.count({ where: { seminarId: id } })).toBe(2);
  });

  it("refuses a code that is not one before asking the database", () => {
    const result = InviteCodeSchema.safeParse("ABC");
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe("That is not an invite code: codes have 8 letters and digits.");
  });
});

describe("regenerating and revoking the invite code", () => {
  it("after a revoke, joining fails with a clear message, and the join page finds nothing", async () => {
    const { id, code } = await newSeminar();
    expect(await setInviteCode(database.db, { seminarId: id, userId: teacher.id, revoke: true })).toEqual({ inviteCode: null });
    await expectAppError(join(code, ada), AppErrorCode.NotFound, "This invite code does not work. Ask your instructor for a new one.");
    expect(await findSeminarByInvite(database.db, { code })).toBeNull();
    expect(await getRole(database.db, id, ada.id)).toBeNull();
  });

  it("after a regenerate, the old code fails and the new one works", async () => {
    const { id, code } = await newSeminar();
    const { inviteCode } = await setInviteCode(database.db, { seminarId: id, userId: teacher.id, revoke: false });
    expect(inviteCode).not.toBe(code);
    await expectAppError(join(code, ada), AppErrorCode.NotFound);
    expect(await findSeminarByInvite(database.db, { code: inviteCode! })).toMatchObject({ id, name: "Russia and its neighbours", term: "Spring 2027" });
    await join(inviteCode!, ada);
    expect(await getRole(database.db, id, ada.id)).toBe("student");
  });

  it("keeps members in the seminar when invites are revoked", async () => {
    const { id, code } = await newSeminar();
    await join(code, ada);
    await setInviteCode(database.db, { seminarId: id, userId: teacher.id, revoke: true });
    expect(await getRole(database.db, id, ada.id)).toBe("student");
  });
});

describe("what a student may not do", () => {
  let seminarId: string;
  beforeAll(async () => {
    const { id, code } = await newSeminar();
    seminarId = id;
    await join(code, ada);
  });

  it("cannot regenerate or revoke the invite code", async () => {
    const before = await database.db.seminar.findUniqueOrThrow({ where: { id: seminarId }, select: { inviteCode: true } });
    await expectAppError(setInviteCode(database.db, { seminarId, userId: ada.id, revoke: false }), AppErrorCode.Forbidden);
    await expectAppError(setInviteCode(database.db, { seminarId, userId: ada.id, revoke: true }), AppErrorCode.Forbidden);
    expect(await database.db.seminar.findUniqueOrThrow({ where: { id: seminarId }, select: { inviteCode: true } })).toEqual(before);
  });

  it("cannot add essays or tags", async () => {
    await expectAppError(addEssay(database.db, { seminarId, essayId, userId: ada.id }), AppErrorCode.Forbidden);
    await expectAppError(addTag(database.db, { seminarId, name: "gossip", userId: ada.id }), AppErrorCode.Forbidden);
    expect(await database.db.seminarEssay.count({ where: { seminarId } })).toBe(0);
    expect(await database.db.room.count({ where: { seminarId } })).toBe(0);
    expect(await database.db.seminarTag.count({ where: { seminarId } })).toBe(0);
  });

  it("nor can someone outside the seminar, whatever id they send", async () => {
    await expectAppError(setInviteCode(database.db, { seminarId, userId: outsider.id, revoke: true }), AppErrorCode.Forbidden);
    await expectAppError(addEssay(database.db, { seminarId, essayId, userId: outsider.id }), AppErrorCode.Forbidden);
    await expectAppError(addTag(database.db, { seminarId: "no-such-seminar", name: "gossip", userId: outsider.id }), AppErrorCode.Forbidden);
  });
});

describe("reading a seminar", () => {
  let seminarId: string;
  let code: string;
  beforeAll(async () => {
    ({ id: seminarId, code } = await newSeminar("Close reading"));
    await join(code, ben);
    await join(code, ada);
    await addEssay(database.db, { seminarId, essayId, userId: teacher.id });
    await addTag(database.db, { seminarId, name: "method", userId: teacher.id });
    await addTag(database.db, { seminarId, name: "question", userId: teacher.id }); // built in: not stored again
  });

  it("shows an instructor the invite code, members' emails, the reading list and the tags", async () => {
    const seminar = await getSeminar(database.db, { seminarId, userId: teacher.id });
    expect(seminar).toMatchObject({ id: seminarId, name: "Close reading", term: "Spring 2027", role: "instructor", invite: { code } });
    expect(seminar.essays).toEqual([expect.objectContaining({ id: essayId, slug: expect.any(String), title: expect.any(String) })]);
    expect(seminar.members.map((m) => [m.name, m.role])).toEqual([
      ["Teacher", "instructor"],
      ["Ada", "student"],
      ["Ben", "student"],
    ]);
    expect(seminar.members.every((m) => typeof m.email === "string")).toBe(true);
    expect(seminar.tags).toEqual({ builtIn: [...BUILT_IN_TAGS], own: ["method"] });
    expect(await database.db.room.findUnique({ where: { id: roomIdFor(essayId, seminarId) } })).toMatchObject({ seminarId, essayId });
  });

  it("hides the invite code and everyone's email from a student", async () => {
    const seminar = await getSeminar(database.db, { seminarId, userId: ada.id });
    expect(seminar.role).toBe("student");
    expect(seminar.invite).toBeNull();
    expect(JSON.stringify(seminar)).not.toContain(code);
    expect(JSON.stringify(seminar)).not.toContain("@example.edu");
    expect(seminar.members).toHaveLength(3);
  });

  it("shows an instructor that invites are off after a revoke", async () => {
    const { id } = await newSeminar();
    await setInviteCode(database.db, { seminarId: id, userId: teacher.id, revoke: true });
    expect((await getSeminar(database.db, { seminarId: id, userId: teacher.id })).invite).toEqual({ code: null });
  });

  it("refuses a non-member and an unknown id with the same message", async () => {
    await expectAppError(getSeminar(database.db, { seminarId, userId: outsider.id }), AppErrorCode.Forbidden, SEMINAR_NOT_AVAILABLE);
    await expectAppError(getSeminar(database.db, { seminarId: "no-such-seminar", userId: outsider.id }), AppErrorCode.Forbidden, SEMINAR_NOT_AVAILABLE);
  });
});

describe("listing my seminars", () => {
  it("shows each seminar with my role and its counts, and nothing I am not in", async () => {
    const [mine, theirs] = await Promise.all([
      createSeminar(database.db, { name: "Ada teaches", term: "Autumn 2027", instructorId: ada.id }),
      createSeminar(database.db, { name: "Someone else's", term: "Autumn 2027", instructorId: outsider.id }),
    ]);
    const { id: taught, code } = await newSeminar("Ada studies");
    await join(code, ada);
    await addEssay(database.db, { seminarId: taught, essayId, userId: teacher.id });

    const list = await listMySeminars(database.db, { userId: ada.id });
    const byName = new Map(list.map((seminar) => [seminar.name, seminar]));
    expect(byName.get("Ada teaches")).toMatchObject({ id: mine.id, role: "instructor", term: "Autumn 2027", memberCount: 1, essayCount: 0 });
    expect(byName.get("Ada studies")).toMatchObject({ id: taught, role: "student", memberCount: 2, essayCount: 1 });
    expect(list.some((seminar) => seminar.id === theirs.id)).toBe(false);
    expect(await listMySeminars(database.db, { userId: (await createUser(database.db, "Newcomer")).id })).toEqual([]);
  });
});

describe("guessing invite codes", () => {
  const wrongCode = (i: number) => InviteCodeSchema.parse(`WRNG${String(i).padStart(4, "2").replace(/[01]/g, "9")}`);

  /** Joins through the limits, as the join form does; answers the error code, or "joined". */
  async function guardedJoin(code: string, user: User, address: string) {
    try {
      await guardInviteCode(database.db, { userId: user.id, address }, () => joinSeminar(database.db, { code, userId: user.id }));
      return "joined";
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  }

  it("locks an account out after too many codes that did not work, the right one included; a working code costs nothing", async () => {
    const { code } = await newSeminar("Guarded");
    const guesser = await createUser(database.db, "Guesser");
    for (let i = 0; i < 3; i++) expect(await guardedJoin(code, ada, "192.0.2.30")).toBe("joined");
    const { limit } = THROTTLE_RULES.inviteCodePerUser;
    for (let i = 0; i < limit; i++) expect(await guardedJoin(wrongCode(i), guesser, "192.0.2.31")).toBe(AppErrorCode.NotFound);
    expect(await guardedJoin(code, guesser, "192.0.2.32")).toBe(AppErrorCode.RateLimited);
    // The same page lookup is limited too, with a message that says when to try again.
    await expect(guardInviteCode(database.db, { userId: guesser.id, address: "192.0.2.33" }, () => findSeminarByInvite(database.db, { code }))).rejects.toThrow(
      /^Too many invite codes that did not work\. Try again in 15 minutes\.$/,
    );
    // Others at the guesser's address still join.
    expect(await guardedJoin(code, ben, "192.0.2.31")).toBe("joined");
  });

  it("locks an address out across accounts, so fresh accounts do not multiply the guesses", async () => {
    const { code } = await newSeminar("Guarded from one place");
    const { limit } = THROTTLE_RULES.inviteCodePerAddress;
    const accounts = await Promise.all(Array.from({ length: Math.ceil(limit / 5) }, (_, i) => createUser(database.db, `Sock ${i}`)));
    for (let i = 0; i < limit; i++) await guardedJoin(wrongCode(i), accounts[i % accounts.length]!, "198.51.100.40");
    const fresh = await createUser(database.db, "Fresh");
    expect(await guardedJoin(code, fresh, "198.51.100.40")).toBe(AppErrorCode.RateLimited);
    expect(await guardedJoin(code, fresh, "198.51.100.41")).toBe("joined");
  });
});

describe("removing members", () => {
  /** A seminar taught by `teacher` with the essay on its list, and Ada and Ben as students. */
  async function seminarWithStudents() {
    const { id, code } = await newSeminar("Removals");
    await join(code, ada);
    await join(code, ben);
    await addEssay(database.db, { seminarId: id, essayId, userId: teacher.id });
    return id;
  }
  const remove = (seminarId: string, member: User, by: User) => removeMember(database.db, { seminarId, memberId: member.id, userId: by.id });

  it("takes away the seminar's pages and rooms from the removed member, and from nobody else", async () => {
    const seminarId = await seminarWithStudents();
    await remove(seminarId, ada, teacher);
    expect(await getRole(database.db, seminarId, ada.id)).toBeNull();
    await expectAppError(getSeminar(database.db, { seminarId, userId: ada.id }), AppErrorCode.Forbidden, SEMINAR_NOT_AVAILABLE);
    await expectAppError(authorizeRoom(database.db, roomIdFor(essayId, seminarId), ada.id), AppErrorCode.Forbidden);
    expect((await authorizeRoom(database.db, roomIdFor(essayId, seminarId), ben.id)).role).toBe("student");
    expect((await getSeminar(database.db, { seminarId, userId: teacher.id })).members.map((m) => m.name)).toEqual(["Teacher", "Ben"]);
  });

  it("keeps the removed member out of the invite code until an instructor lets them rejoin; one who left may come back", async () => {
    const { id: seminarId, code } = await newSeminar("Rejoining");
    await join(code, ada);
    await remove(seminarId, ada, teacher);
    await expectAppError(join(code, ada), AppErrorCode.Forbidden, REMOVED_NOT_JOINABLE);
    expect(await getRole(database.db, seminarId, ada.id)).toBeNull();
    expect((await getSeminar(database.db, { seminarId, userId: teacher.id })).removed).toEqual([{ id: ada.id, name: ada.name }]);

    // Only an instructor may let her back, and only someone who was removed.
    await join(code, ben);
    await expectAppError(letRejoin(database.db, { seminarId, personId: ada.id, userId: ben.id }), AppErrorCode.Forbidden);
    expect((await getSeminar(database.db, { seminarId, userId: ben.id })).removed).toEqual([]);
    await expectAppError(letRejoin(database.db, { seminarId, personId: ben.id, userId: teacher.id }), AppErrorCode.NotFound, NOT_REMOVED);
    await letRejoin(database.db, { seminarId, personId: ada.id, userId: teacher.id });
    await join(code, ada);
    expect(await getRole(database.db, seminarId, ada.id)).toBe("student");

    // Leaving of one's own accord records no removal.
    const colleague = await createUser(database.db, "Colleague");
    await database.db.membership.create({ data: { seminarId, userId: colleague.id, role: "instructor" } });
    await remove(seminarId, colleague, colleague);
    await join(code, colleague);
    expect(await getRole(database.db, seminarId, colleague.id)).toBe("student");
  });

  it("is for instructors only, checked on the server whatever ids are sent", async () => {
    const seminarId = await seminarWithStudents();
    await expectAppError(remove(seminarId, ben, ada), AppErrorCode.Forbidden);
    await expectAppError(remove(seminarId, teacher, ada), AppErrorCode.Forbidden);
    await expectAppError(remove(seminarId, ben, outsider), AppErrorCode.Forbidden);
    await expectAppError(removeMember(database.db, { seminarId: "no-such-seminar", memberId: ben.id, userId: teacher.id }), AppErrorCode.Forbidden);
    expect(await getRole(database.db, seminarId, ben.id)).toBe("student");
  });

  it("says clearly when the person is not a member", async () => {
    const seminarId = await seminarWithStudents();
    await expectAppError(remove(seminarId, outsider, teacher), AppErrorCode.NotFound, NOT_A_MEMBER);
    await expectAppError(removeMember(database.db, { seminarId, memberId: "no-such-user", userId: teacher.id }), AppErrorCode.NotFound, NOT_A_MEMBER);
  });

  it("never removes the last instructor, but lets one of two leave", async () => {
    const seminarId = await seminarWithStudents();
    await expectAppError(remove(seminarId, teacher, teacher), AppErrorCode.Conflict, LAST_INSTRUCTOR);
    expect(await getRole(database.db, seminarId, teacher.id)).toBe("instructor");
    const colleague = await createUser(database.db, "Colleague");
    await database.db.membership.create({ data: { seminarId, userId: colleague.id, role: "instructor" } });
    await remove(seminarId, colleague, colleague);
    expect(await getRole(database.db, seminarId, colleague.id)).toBeNull();
  });

  it("leaves one instructor when two remove each other at the same moment", async () => {
    const seminarId = await seminarWithStudents();
    const colleague = await createUser(database.db, "Colleague");
    await database.db.membership.create({ data: { seminarId, userId: colleague.id, role: "instructor" } });
    const results = await Promise.allSettled([remove(seminarId, colleague, teacher), remove(seminarId, teacher, colleague)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await database.db.membership.count({ where: { seminarId, role: "instructor" } })).toBe(1);
  });

  it("tells the websocket servers once the removal is committed, and not for a refused one", async () => {
    const seminarId = await seminarWithStudents();
    const log = await listenToAccessEvents(database.url);
    try {
      await expectAppError(remove(seminarId, teacher, teacher), AppErrorCode.Conflict);
      await remove(seminarId, ben, teacher);
      // Notifications arrive in commit order: had the refused removal sent one, it would come first.
      expect(await log.next(1)).toEqual([{ type: "member-removed", seminarId, userId: ben.id }]);
    } finally {
      await log.close();
    }
  });
});


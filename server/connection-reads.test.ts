/**
 * The connection checks after reads were batched and cookies kept decoded (server/connection-reads.ts,
 * server/decoded-sessions.ts), with real sockets and a real database. The server here does not listen for access
 * events, so every refusal below comes from the checks a new connection makes, not from a pushed close.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endSessions } from "../lib/auth/end-sessions.server";
import { ANNOTATIONS, entryKey, roomIdFor } from "../lib/doc/layout";
import { CloseCode } from "../lib/live/wire";
import { addEssay } from "../lib/seminars/add-essay.server";
import { createSeminar } from "../lib/seminars/create-seminar.server";
import { joinSeminar } from "../lib/seminars/join-seminar.server";
import { removeEssay } from "../lib/seminars/remove-essay.server";
import { removeMember } from "../lib/seminars/remove-member.server";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { highlight, putAnnotation } from "../tests/helpers/entries";
import { createUser, sessionCookie } from "../tests/helpers/users";
import { startTestServer, type TestServer } from "../tests/helpers/ws-server";
import { connectClient, waitFor, type TestClient } from "../tests/helpers/y-client";

type User = { id: string; name: string };
let database: TestDatabase;
let server: TestServer;
let essayId: string;
let paragraphs: Array<{ id: string; text: string }>;
let teacher: User;
const open: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.db);
  const essay = await database.db.essay.findFirstOrThrow({ include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } } });
  essayId = essay.id;
  paragraphs = essay.paragraphs;
  teacher = await createUser(database.db, "Teacher");
});

afterAll(async () => {
  open.forEach((client) => client.ws.terminate());
  await server.close();
  await database.drop();
});

async function seminarWith(...students: User[]) {
  const seminar = await createSeminar(database.db, { name: "Close reading", term: "Spring", instructorId: teacher.id });
  for (const student of students) await joinSeminar(database.db, { code: seminar.inviteCode!, userId: student.id });
  await addEssay(database.db, { seminarId: seminar.id, essayId, userId: teacher.id });
  return { seminarId: seminar.id, roomId: roomIdFor(essayId, seminar.id) };
}

/** Connects with this exact Cookie header, as a page reconnecting with the same cookie does. */
function connect(cookie: string, roomId: string) {
  const client = connectClient(server.roomUrl(roomId), { cookie, origin: server.origin });
  open.push(client);
  return client;
}

describe("a new connection's checks", () => {
  it("refuse a member removed since their last connection, while the room stays loaded, with the same cookie", async () => {
    const [ada, ben] = await Promise.all([createUser(database.db, "Ada"), createUser(database.db, "Ben")]);
    const { seminarId, roomId } = await seminarWith(ada, ben);
    const benHere = connect(await sessionCookie(ben.id), roomId);
    await benHere.synced;
    const adaCookie = await sessionCookie(ada.id);
    const first = connect(adaCookie, roomId);
    await first.synced;
    await first.close();

    await removeMember(database.db, { seminarId, memberId: ada.id, userId: teacher.id });
    const again = connect(adaCookie, roomId);
    expect((await again.closed).code).toBe(CloseCode.Forbidden);
    expect(again.received).toEqual([]);
    expect(benHere.ws.readyState).toBe(benHere.ws.OPEN);
  });

  it("refuse a cookie that connected before once its user has signed out", async () => {
    const ada = await createUser(database.db, "Ada");
    const { roomId } = await seminarWith(ada);
    const cookie = await sessionCookie(ada.id);
    const first = connect(cookie, roomId);
    await first.synced;
    await first.close();

    await endSessions(database.db, { userId: ada.id, sessionVersion: 0 });
    const again = connect(cookie, roomId);
    expect((await again.closed).code).toBe(CloseCode.Unauthenticated);
    expect(again.received).toEqual([]);
  });

  it("refuse a room whose essay was taken off the list since the last connection", async () => {
    const ada = await createUser(database.db, "Ada");
    const { seminarId, roomId } = await seminarWith(ada);
    const teacherHere = connect(await sessionCookie(teacher.id), roomId);
    await teacherHere.synced;
    await removeEssay(database.db, { seminarId, essayId, userId: teacher.id });
    const again = connect(await sessionCookie(ada.id), roomId);
    expect((await again.closed).code).toBe(CloseCode.RoomNotFound);
  });

  it("decide each of many connections arriving together on its own: members in, outsiders out", async () => {
    const members = await Promise.all(Array.from({ length: 12 }, (_, i) => createUser(database.db, `Member ${i}`)));
    const outsiders = await Promise.all(Array.from({ length: 4 }, (_, i) => createUser(database.db, `Outsider ${i}`)));
    const { roomId } = await seminarWith(...members);
    const otherSeminar = await seminarWith(...outsiders);
    const people = [...members, ...outsiders].sort(() => Math.random() - 0.5);
    const cookies = await Promise.all(people.map((person) => sessionCookie(person.id)));
    const clients = cookies.map((cookie) => connect(cookie, roomId));
    const outcomes = await Promise.all(clients.map((client) => Promise.race([client.synced.then(() => "synced"), client.closed.then((c) => c.code)])));
    people.forEach((person, i) => expect(outcomes[i]).toBe(members.includes(person) ? "synced" : CloseCode.Forbidden));
    // And the outsiders' own seminar is still theirs.
    const outsiderHome = connect(cookies[people.indexOf(outsiders[0]!)]!, otherSeminar.roomId);
    await outsiderHome.synced;
  });
});

describe("a joiner", () => {
  it("gets what was committed after the joiner before it", async () => {
    const [ada, ben, cleo] = await Promise.all(["Ada", "Ben", "Cleo"].map((name) => createUser(database.db, name)));
    const { roomId } = await seminarWith(ada, ben, cleo);
    const writer = connect(await sessionCookie(ada.id), roomId);
    await writer.synced;
    const first = highlight(ada, paragraphs[0]!, paragraphs[0]!.text.slice(0, 10));
    putAnnotation(writer.doc, first);
    const benClient = connect(await sessionCookie(ben.id), roomId);
    await waitFor(benClient.doc, () => benClient.doc.getMap(ANNOTATIONS).has(entryKey(ada.id, first.id)), 5000, "the first note");

    const second = highlight(ada, paragraphs[1]!, paragraphs[1]!.text.slice(0, 10));
    putAnnotation(writer.doc, second);
    await waitFor(benClient.doc, () => benClient.doc.getMap(ANNOTATIONS).has(entryKey(ada.id, second.id)), 5000, "the second note, live");
    const cleoClient = connect(await sessionCookie(cleo.id), roomId);
    await cleoClient.synced;
    expect([...cleoClient.doc.getMap(ANNOTATIONS).keys()].sort()).toEqual([entryKey(ada.id, first.id), entryKey(ada.id, second.id)].sort());
  });
});

/**
 * The connection checks after reads were batched and cookies kept decoded (server/connection-reads.ts,
 * server/decoded-sessions.ts), with real sockets and a real live.database. The server here does not listen for access
 * events, so every refusal below comes from the checks a new connection makes, not from a pushed close.
 */
import { describe, expect, it } from "vitest";
import { endSessions } from "../lib/auth/end-sessions.server";
import { ANNOTATIONS, entryKey, roomIdFor } from "../lib/doc/layout";
import { CloseCode } from "../lib/live/wire";
import { removeEssay } from "../lib/seminars/remove-essay.server";
import { removeMember } from "../lib/seminars/remove-member.server";
import { highlight, putAnnotation } from "../tests/helpers/entries";
import { seminarServer, type User } from "../tests/helpers/seminar-server";
import { createUser, sessionCookie } from "../tests/helpers/users";
import { waitFor } from "../tests/helpers/y-client";

const live = seminarServer();


describe("a new connection's checks", () => {
  it("refuse a member removed since their last connection, while the room stays loaded, with the same cookie", async () => {
    const [ada, ben] = await Promise.all([createUser(live.database.db, "Ada"), createUser(live.database.db, "Ben")]);
    const { seminarId, roomId } = await live.seminarWith(ada, ben);
    const benHere = live.connect(await sessionCookie(ben.id), roomId);
    await benHere.synced;
    const adaCookie = await sessionCookie(ada.id);
    const first = live.connect(adaCookie, roomId);
    await first.synced;
    await first.close();

    await removeMember(live.database.db, { seminarId, memberId: ada.id, userId: live.teacher.id });
    const again = live.connect(adaCookie, roomId);
    expect((await again.closed).code).toBe(CloseCode.Forbidden);
    expect(again.received).toEqual([]);
    expect(benHere.ws.readyState).toBe(benHere.ws.OPEN);
  });

  it("refuse a cookie that connected before once its user has signed out", async () => {
    const ada = await createUser(live.database.db, "Ada");
    const { roomId } = await live.seminarWith(ada);
    const cookie = await sessionCookie(ada.id);
    const first = live.connect(cookie, roomId);
    await first.synced;
    await first.close();

    await endSessions(live.database.db, { userId: ada.id, sessionVersion: 0 });
    const again = live.connect(cookie, roomId);
    expect((await again.closed).code).toBe(CloseCode.Unauthenticated);
    expect(again.received).toEqual([]);
  });

  it("refuse a room whose essay was taken off the list since the last connection", async () => {
    const ada = await createUser(live.database.db, "Ada");
    const { seminarId, roomId } = await live.seminarWith(ada);
    const teacherHere = live.connect(await sessionCookie(live.teacher.id), roomId);
    await teacherHere.synced;
    await removeEssay(live.database.db, { seminarId, essayId: live.essayId, userId: live.teacher.id });
    const again = live.connect(await sessionCookie(ada.id), roomId);
    expect((await again.closed).code).toBe(CloseCode.RoomNotFound);
  });

  it("decide each of many connections arriving together on its own: members in, outsiders out", async () => {
    const members = await Promise.all(Array.from({ length: 12 }, (_, i) => createUser(live.database.db, `Member ${i}`)));
    const outsiders = await Promise.all(Array.from({ length: 4 }, (_, i) => createUser(live.database.db, `Outsider ${i}`)));
    const { roomId } = await live.seminarWith(...members);
    const otherSeminar = await live.seminarWith(...outsiders);
    const people = [...members, ...outsiders].sort(() => Math.random() - 0.5);
    const cookies = await Promise.all(people.map((person) => sessionCookie(person.id)));
    const clients = cookies.map((cookie) => live.connect(cookie, roomId));
    const outcomes = await Promise.all(clients.map((client) => Promise.race([client.synced.then(() => "synced"), client.closed.then((c) => c.code)])));
    people.forEach((person, i) => expect(outcomes[i]).toBe(members.includes(person) ? "synced" : CloseCode.Forbidden));
    // And the outsiders' own seminar is still theirs.
    const outsiderHome = live.connect(cookies[people.indexOf(outsiders[0]!)]!, otherSeminar.roomId);
    await outsiderHome.synced;
  });
});

describe("a joiner", () => {
  it("gets what was committed after the joiner before it", async () => {
    const [ada, ben, cleo] = await Promise.all(["Ada", "Ben", "Cleo"].map((name) => createUser(live.database.db, name)));
    const { roomId } = await live.seminarWith(ada, ben, cleo);
    const writer = live.connect(await sessionCookie(ada.id), roomId);
    await writer.synced;
    const first = highlight(ada, live.paragraphs[0]!, live.paragraphs[0]!.text.slice(0, 10));
    putAnnotation(writer.doc, first);
    const benClient = live.connect(await sessionCookie(ben.id), roomId);
    await waitFor(benClient.doc, () => benClient.doc.getMap(ANNOTATIONS).has(entryKey(ada.id, first.id)), 5000, "the first note");

    const second = highlight(ada, live.paragraphs[1]!, live.paragraphs[1]!.text.slice(0, 10));
    putAnnotation(writer.doc, second);
    await waitFor(benClient.doc, () => benClient.doc.getMap(ANNOTATIONS).has(entryKey(ada.id, second.id)), 5000, "the second note, live");
    const cleoClient = live.connect(await sessionCookie(cleo.id), roomId);
    await cleoClient.synced;
    expect([...cleoClient.doc.getMap(ANNOTATIONS).keys()].sort()).toEqual([entryKey(ada.id, first.id), entryKey(ada.id, second.id)].sort());
  });
});

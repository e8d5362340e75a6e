/**
 * Losing access while connected, with real sockets and a real database: a member removed from a seminar and a
 * user who signs out are disconnected from the rooms they lost, within a second, by whichever server holds the
 * socket, and cannot connect again; everyone else stays connected.
 */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { endSessions } from "../lib/auth/end-sessions.server";
import { createDb } from "../lib/db/client.server";
import { ANNOTATIONS, entryKey, roomIdFor } from "../lib/doc/layout";
import { CloseCode } from "../lib/live/wire";
import { removeMember } from "../lib/seminars/remove-member.server";
import { databaseUrlWithName } from "../tests/helpers/database-url";
import { highlight, putAnnotation } from "../tests/helpers/entries";
import { seminarServer, type User } from "../tests/helpers/seminar-server";
import { createUser, sessionCookie, TEST_SECRET } from "../tests/helpers/users";
import { waitFor, type Closed, type TestClient } from "../tests/helpers/y-client";
import { LISTENER_APPLICATION_NAME } from "./access-events";

const live = seminarServer((database) => ({ databaseUrl: database.url }));

async function connect(user: User, roomId: string, sessionVersion = 0) {
  return live.connect(await sessionCookie(user.id, TEST_SECRET, sessionVersion), roomId);
}

async function connected(user: User, roomId: string, sessionVersion = 0) {
  const client = await connect(user, roomId, sessionVersion);
  await client.synced;
  return client;
}

/**
 * How the socket closed, failing if it is still open `ms` after `since`. The bound is the requirement itself
 * (access ends within a second); the close is pushed by a NOTIFY, typically within milliseconds.
 */
function closedWithin(client: TestClient, since: number, ms = 1000): Promise<Closed> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the socket was still open ${ms} ms later`)), Math.max(0, since + ms - Date.now()));
  });
  return Promise.race([client.closed, late]).finally(() => clearTimeout(timer));
}

/** A fresh write by `writer` in `roomId` still reaches `client`, so its connection still works. */
async function expectStillConnected(client: TestClient, writer: User, roomId: string) {
  const author = await connected(writer, roomId);
  const mark = highlight(writer, live.paragraphs[3]!, live.paragraphs[3]!.text.slice(0, 12));
  putAnnotation(author.doc, mark);
  await waitFor(client.doc, () => client.doc.getMap(ANNOTATIONS).has(entryKey(writer.id, mark.id)), 5000, "a later write");
  expect(client.ws.readyState).toBe(client.ws.OPEN);
}

describe("a member removed from a seminar", () => {
  it("is disconnected from its rooms within a second and cannot come back; other rooms and members stay", async () => {
    const [ada, ben] = await Promise.all([createUser(live.database.db, "Ada"), createUser(live.database.db, "Ben")]);
    const first = await live.seminarWith(ada, ben);
    const second = await live.seminarWith(ada);
    const [adaHere, adaTwice, adaElsewhere, adaOpen, benHere] = await Promise.all([
      connected(ada, first.roomId),
      connected(ada, first.roomId),
      connected(ada, second.roomId),
      connected(ada, roomIdFor(live.essayId, null)),
      connected(ben, first.roomId),
    ]);

    const started = Date.now();
    await removeMember(live.database.db, { seminarId: first.seminarId, memberId: ada.id, userId: live.teacher.id });
    expect((await closedWithin(adaHere, started)).code).toBe(CloseCode.Forbidden);
    expect((await closedWithin(adaTwice, started)).code).toBe(CloseCode.Forbidden);

    const again = await connect(ada, first.roomId);
    expect((await again.closed).code).toBe(CloseCode.Forbidden);
    expect(again.received).toEqual([]);

    await expectStillConnected(benHere, live.teacher, first.roomId);
    await expectStillConnected(adaElsewhere, live.teacher, second.roomId);
    await expectStillConnected(adaOpen, ben, roomIdFor(live.essayId, null));
  });

  it("is disconnected even when the removal happened while the server could not listen", async () => {
    const ada = await createUser(live.database.db, "Ada");
    const { seminarId, roomId } = await live.seminarWith(ada);
    const client = await connected(ada, roomId);
    // The removal goes through a connection opened beforehand: new connections are about to be refused.
    const remover = createDb(live.database.url);
    await remover.$queryRaw`SELECT 1`;
    const name = new URL(live.database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: databaseUrlWithName(live.database.url, "postgres") });
    await admin.connect();
    try {
      // Cut the server's LISTEN connection and keep it from reconnecting, so the removal's event is lost.
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      const { rows } = await admin.query(
        "SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = $1 AND datname = $2",
        [LISTENER_APPLICATION_NAME, name],
      );
      expect(rows).toEqual([{ cut: true }]);
      await removeMember(remover, { seminarId, memberId: ada.id, userId: live.teacher.id });
      expect(client.ws.readyState).toBe(client.ws.OPEN);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
      await remover.$disconnect();
    }
    // Listening again, the server checks every open connection, since it may have missed events.
    expect((await closedWithin(client, Date.now(), 10_000)).code).toBe(CloseCode.Forbidden);

    // And the next removal is heard as usual.
    const ben = await createUser(live.database.db, "Ben");
    const next = await live.seminarWith(ben);
    const benClient = await connected(ben, next.roomId);
    const started = Date.now();
    await removeMember(live.database.db, { seminarId: next.seminarId, memberId: ben.id, userId: live.teacher.id });
    expect((await closedWithin(benClient, started)).code).toBe(CloseCode.Forbidden);
  });
});

describe("a user who signs out", () => {
  it("is disconnected everywhere within a second, the old cookie is refused, and a new sign-in connects", async () => {
    const [ada, ben] = await Promise.all([createUser(live.database.db, "Ada"), createUser(live.database.db, "Ben")]);
    const { roomId } = await live.seminarWith(ada, ben);
    const [inSeminar, inOpenRoom, benHere] = await Promise.all([
      connected(ada, roomId),
      connected(ada, roomIdFor(live.essayId, null)),
      connected(ben, roomId),
    ]);

    const started = Date.now();
    await endSessions(live.database.db, { userId: ada.id, sessionVersion: 0 });
    expect((await closedWithin(inSeminar, started)).code).toBe(CloseCode.Unauthenticated);
    expect((await closedWithin(inOpenRoom, started)).code).toBe(CloseCode.Unauthenticated);

    const oldCookie = await connect(ada, roomId, 0);
    expect((await oldCookie.closed).code).toBe(CloseCode.Unauthenticated);
    expect(oldCookie.received).toEqual([]);
    const signedInAgain = await connected(ada, roomId, 1);
    await expectStillConnected(signedInAgain, live.teacher, roomId);
    await expectStillConnected(benHere, live.teacher, roomId);
  });
});

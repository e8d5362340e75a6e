/**
 * Several websocket instances behind a load balancer without sticky sessions, sharing rooms through Redis:
 * readers of one room on different instances see each other's notes and presence, each note is stored once,
 * and when an instance is killed with SIGKILL its readers reconnect to another and nothing they wrote is lost.
 * Real Redis (tests/setup/redis.ts), real PostgreSQL, real sockets, the page's own room client.
 */
import { afterAll, afterEach, beforeAll, expect, inject, it } from "vitest";
import { roomIdFor } from "../lib/doc/layout";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { notesIn, rootMaps, writeNote, type Paragraph } from "../tests/helpers/notes";
import { randomFrom } from "../tests/helpers/random";
import { startRedisServer } from "../tests/helpers/redis-server";
import { openRoomAs, type RoomClient } from "../tests/helpers/room-client";
import { killHard, startServerProcess, type ServerProcess } from "../tests/helpers/server-process";
import { startTcpFront, type TcpFront } from "../tests/helpers/tcp-front";
import { connectClient, waitFor } from "../tests/helpers/y-client";
import { createUser, sessionCookie } from "../tests/helpers/users";
import { CloseCode } from "../lib/live/wire";
import type { WsServerOptions } from "./ws-server";
import { startTestServer, type TestServer } from "../tests/helpers/ws-server";

let database: TestDatabase;
let paragraphs: Paragraph[];
let essayId: string;
let rooms = 0;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const essay = await database.db.essay.findFirstOrThrow({ include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } } });
  essayId = essay.id;
  paragraphs = essay.paragraphs.map(({ id, text }) => ({ id, text }));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await database.drop();
});

/** A room of its own per test: the essay's open room under a fresh id. */
async function freshRoom(): Promise<string> {
  const id = `${roomIdFor(essayId, null)}-${++rooms}`;
  await database.db.room.create({ data: { id, essayId } });
  return id;
}

async function reader(origin: string, roomId: string, name: string): Promise<RoomClient> {
  const client = await openRoomAs({ origin, roomId, user: await createUser(database.db, name) });
  cleanups.push(() => client.destroy());
  await client.waitForSync();
  return client;
}

async function instance(redisUrl: string, options: Partial<WsServerOptions> = {}): Promise<TestServer> {
  const server = await startTestServer(database.db, { redisUrl, ...options });
  cleanups.push(() => server.close());
  return server;
}

const stored = (roomId: string) => database.db.annotation.findMany({ where: { roomId }, select: { id: true } });

it("shows each instance's readers the notes and presence of the other's, and stores each note once", async () => {
  const redisUrl = inject("redisUrl");
  const [one, two] = [await instance(redisUrl), await instance(redisUrl)];
  const roomId = await freshRoom();
  const ada = await reader(one.origin, roomId, "Ada");
  const ben = await reader(two.origin, roomId, "Ben");
  const random = randomFrom(9);

  const fromAda = writeNote(ada, paragraphs, random, "Ada, through the first instance");
  await waitFor(ben.doc, () => notesIn(ben.doc).marks.includes(fromAda.mark), 5000, "Ada's note at Ben");
  const fromBen = writeNote(ben, paragraphs, random, "Ben, through the second instance");
  await waitFor(ada.doc, () => notesIn(ada.doc).marks.includes(fromBen.mark), 5000, "Ben's note at Ada");

  ada.provider.awareness.setLocalStateField("reading", paragraphs[3]!.id);
  await expect
    .poll(() => [...ben.provider.awareness.getStates().values()].some((state) => state.reading === paragraphs[3]!.id && state.user?.name === "Ada"))
    .toBe(true);

  await expect.poll(() => ada.unsaved() || ben.unsaved()).toBe(false);
  expect(rootMaps(ada.doc)).toEqual(rootMaps(ben.doc));
  await expect.poll(async () => (await stored(roomId)).map((row) => row.id).sort()).toEqual([fromAda.annotationId, fromBen.annotationId].sort());
  expect(await database.db.roomUpdate.count({ where: { roomId } })).toBe(2);
});

it("converges again after Redis restarts: what was stored while it was away reaches the other instance's readers", async () => {
  const redis = await startRedisServer();
  cleanups.push(() => redis.stop());
  const [one, two] = [await instance(redis.url), await instance(redis.url)];
  const roomId = await freshRoom();
  const ada = await reader(one.origin, roomId, "Ada");
  const ben = await reader(two.origin, roomId, "Ben");
  const random = randomFrom(10);

  await redis.stop();
  const whileAway = writeNote(ada, paragraphs, random, "written while Redis was away");
  await expect.poll(() => ada.unsaved(), { timeout: 10_000 }).toBe(false); // stored in PostgreSQL all the same
  expect(notesIn(ben.doc).marks).not.toContain(whileAway.mark);

  await redis.restart();
  await waitFor(ben.doc, () => notesIn(ben.doc).marks.includes(whileAway.mark), 20_000, "the note written while Redis was away, at Ben");
  const after = writeNote(ben, paragraphs, random, "written after Redis came back");
  await waitFor(ada.doc, () => notesIn(ada.doc).marks.includes(after.mark), 10_000, "Ben's later note at Ada");
  expect(rootMaps(ada.doc)).toEqual(rootMaps(ben.doc));
}, 60_000);

it("keeps every note when an instance is killed with SIGKILL: its readers reconnect to the other and converge", async () => {
  const env = { REDIS_URL: inject("redisUrl") };
  const processes: ServerProcess[] = [];
  const start = async () => {
    const server = await startServerProcess(database.url, { env });
    processes.push(server);
    return server;
  };
  cleanups.push(async () => {
    for (const server of processes) if (server.child.exitCode === null && server.child.signalCode === null) await killHard(server);
  });
  const [one, two] = [await start(), await start()];
  // Ada reaches the room through a balancer that sends her to the first instance; Ben is on the second.
  const front: TcpFront = await startTcpFront(one.port);
  cleanups.push(() => front.close());
  const roomId = await freshRoom();
  const ada = await reader(front.origin, roomId, "Ada");
  const ben = await reader(two.origin, roomId, "Ben");
  const random = randomFrom(11);

  const before = writeNote(ada, paragraphs, random, "before the crash");
  await waitFor(ben.doc, () => notesIn(ben.doc).marks.includes(before.mark), 5000, "Ada's first note at Ben");

  // Written, then the instance dies at once: stored or not, the note must end up everywhere.
  const during = writeNote(ada, paragraphs, random, "written as the instance died");
  await killHard(one);
  front.pointTo(two.port);
  await waitFor(ben.doc, () => notesIn(ben.doc).marks.includes(during.mark), 20_000, "the note written as the instance died, at Ben");
  await expect.poll(() => ada.unsaved(), { timeout: 10_000 }).toBe(false);
  const after = writeNote(ada, paragraphs, random, "after reconnecting to the other instance");
  await waitFor(ben.doc, () => notesIn(ben.doc).marks.includes(after.mark), 5000, "Ada's note after reconnecting, at Ben");

  expect(rootMaps(ada.doc)).toEqual(rootMaps(ben.doc));
  expect(ada.finalClose()).toBeNull();
  await expect
    .poll(async () => (await stored(roomId)).map((row) => row.id).sort(), { timeout: 10_000 })
    .toEqual([before.annotationId, during.annotationId, after.annotationId].sort());
  const late = await reader(two.origin, roomId, "Cleo");
  expect(notesIn(late.doc).marks.sort()).toEqual([before.mark, during.mark, after.mark].sort());
}, 90_000);

it("counts a user's connections across instances: the limit holds however the balancer spreads them", async () => {
  const redisUrl = inject("redisUrl");
  const limits = { connectionsPerUser: 2 };
  const [one, two] = [await instance(redisUrl, { limits }), await instance(redisUrl, { limits })];
  const roomId = await freshRoom();
  const user = await createUser(database.db, "Dana");
  const cookie = await sessionCookie(user.id);
  const open = async (server: TestServer) => {
    const client = connectClient(server.roomUrl(roomId), { cookie, origin: server.origin });
    cleanups.push(() => void client.ws.terminate());
    return client;
  };
  const first = await open(one);
  const second = await open(two);
  await Promise.all([first.synced, second.synced]);
  const third = await open(one);
  expect((await third.closed).code).toBe(CloseCode.TooManyRequests);

  await second.close();
  // The place is given back in Redis as the server sees the close; the next connection may come a moment later.
  await expect
    .poll(async () => {
      const again = await open(one);
      const result = await Promise.race([again.synced.then(() => "synced"), again.closed.then(() => "refused")]);
      if (result === "synced") return true;
      return false;
    })
    .toBe(true);
});

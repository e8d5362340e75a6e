/**
 * The page's own room client resends what the server never stored: a note applied by a server that is killed
 * before its INSERT commits is gone from the server, still "not saved" on the page, and stored once the page
 * has reconnected to the restarted server, without the reader doing anything.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { roomIdFor } from "../lib/doc/layout";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { notesIn, writeNote } from "../tests/helpers/notes";
import { randomFrom } from "../tests/helpers/random";
import { openRoomAs, type RoomClient } from "../tests/helpers/room-client";
import { killHard, startServerProcess, type ServerProcess } from "../tests/helpers/server-process";
import { createUser } from "../tests/helpers/users";
import { waitFor } from "../tests/helpers/y-client";

let database: TestDatabase;
let server: ServerProcess | undefined;
const clients: RoomClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  clients.forEach((client) => client.destroy());
  if (server) await killHard(server);
  await database.drop();
});

it("resends a note the server lost before storing it, once the page has reconnected", async () => {
  const essay = await database.db.essay.findFirstOrThrow({ include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } } });
  const roomId = roomIdFor(essay.id, null);
  server = await startServerProcess(database.url);
  const port = server.port;
  const open = async (name: string) => {
    const client = await openRoomAs({ origin: server!.origin, roomId, user: await createUser(database.db, name) });
    clients.push(client);
    await client.waitForSync();
    return client;
  };
  const ada = await open("Ada");
  const ben = await open("Ben");

  // The log is locked: the server applies the note and waits to store it; nobody has received it.
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query("BEGIN");
  await admin.query(`LOCK TABLE "RoomUpdate" IN EXCLUSIVE MODE`);
  const note = writeNote(ada, essay.paragraphs, randomFrom(7), "written just before the crash");
  await expect
    .poll(async () => (await database.db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = '"RoomUpdate"'::regclass AND NOT granted`))[0]!.n)
    .toBeGreaterThan(0);
  await killHard(server);
  // PostgreSQL notices a dead client only when it next writes to it: a statement waiting for the lock would
  // still run and commit once the lock is released. A crash that loses the write is one where its connection
  // ends first, as here.
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE relation = '"RoomUpdate"'::regclass AND NOT granted`);
  await admin.query("COMMIT");
  await admin.end();
  expect(await database.db.annotation.count({ where: { id: note.annotationId } })).toBe(0);
  expect(await database.db.roomUpdate.count({ where: { roomId } })).toBe(0);
  expect(ada.unsaved()).toBe(true);
  expect(notesIn(ben.doc).annotationIds).not.toContain(note.annotationId);

  server = await startServerProcess(database.url, { port });
  await waitFor(ben.doc, () => notesIn(ben.doc).annotationIds.includes(note.annotationId), 20_000, "the resent note at Ben");
  await expect.poll(() => ada.unsaved(), { timeout: 10_000 }).toBe(false);
  await expect.poll(() => database.db.annotation.count({ where: { id: note.annotationId } }), { timeout: 10_000 }).toBe(1);
  expect(ada.finalClose()).toBeNull();
}, 90_000);

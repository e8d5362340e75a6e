/**
 * Found by the write storm: the page's client (y-websocket) sends every presence change it applies back to the
 * server, including the whole list of readers it is given on joining. The server reads at most 16 presence
 * entries per message, so the eighteenth reader to join a room was disconnected (1011, "server error") right
 * after joining, and again whenever presence of more than sixteen readers changed at once. A disconnect is
 * no small thing: a reader writing while it reconnects is then refused (see write-storm.faults.test.ts).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { roomIdFor } from "../lib/doc/layout";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { openRoomAs, type RoomClient } from "../tests/helpers/room-client";
import { killHard, startServerProcess, type ServerProcess } from "../tests/helpers/server-process";
import { createUser } from "../tests/helpers/users";
import { sleep } from "../tests/helpers/watch";

const READERS = 20;

let database: TestDatabase;
let server: ServerProcess;
const pages: RoomClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServerProcess(database.url);
});

afterAll(async () => {
  pages.forEach((page) => page.destroy());
  await killHard(server);
  await database.drop();
});

it("keeps every reader connected as a seminar of twenty fills the room", async () => {
  const essay = await database.db.essay.findFirstOrThrow();
  const roomId = roomIdFor(essay.id, null);
  process.setMaxListeners(READERS + 10);
  for (let i = 0; i < READERS; i++) {
    const user = await createUser(database.db, `Reader ${i}`);
    const page = await openRoomAs({ origin: server.origin, roomId, user });
    pages.push(page);
    await page.waitForSync();
    // Let the newcomer's presence reach everyone before the next one arrives, as people trickle in.
    await sleep(100);
  }
  await sleep(1000);
  expect(pages.map((page, i) => `reader ${i}: ${page.closeCodes.join(" ") || "never closed"}`)).toEqual(
    pages.map((_, i) => `reader ${i}: never closed`),
  );
  await expect.poll(() => pages.every((page) => page.provider.awareness.getStates().size === READERS)).toBe(true);
});

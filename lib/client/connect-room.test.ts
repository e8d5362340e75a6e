/**
 * The page's room client, run in Node against the real websocket server: what a reader sees of saving and of
 * a refused change. The fault tests (server/*.faults.test.ts) build on this client, so it must behave as the
 * page does before they can say anything about the server.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { ANNOTATIONS, entryKey, roomIdFor } from "../doc/layout";
import { CloseCode } from "../live/wire";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { highlight } from "../../tests/helpers/entries";
import { notesIn, writeNote } from "../../tests/helpers/notes";
import { randomFrom } from "../../tests/helpers/random";
import { openRoomAs, type RoomClient } from "../../tests/helpers/room-client";
import { createUser } from "../../tests/helpers/users";
import { waitFor } from "../../tests/helpers/y-client";
import { startTestServer, type TestServer } from "../../tests/helpers/ws-server";

let database: TestDatabase;
let server: TestServer;
let roomId: string;
let paragraphs: Array<{ id: string; text: string }>;
const clients: RoomClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.db);
  const essay = await database.db.essay.findFirstOrThrow({
    include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } },
  });
  roomId = roomIdFor(essay.id, null);
  paragraphs = essay.paragraphs;
});

afterAll(async () => {
  clients.forEach((client) => client.destroy());
  await server.close();
  await database.drop();
});

async function reader(name: string) {
  const user = await createUser(database.db, name);
  const client = await openRoomAs({ origin: server.origin, roomId, user });
  clients.push(client);
  await client.waitForSync();
  return client;
}

it("shows a note to the other reader and says saved once the server has stored it", async () => {
  const ada = await reader("Ada");
  const ben = await reader("Ben");
  const note = writeNote(ada, paragraphs, randomFrom(1), "Ada's first note");
  expect(ada.unsaved()).toBe(true);

  await waitFor(ben.doc, () => notesIn(ben.doc).annotationIds.includes(note.annotationId), 5000, "Ada's note at Ben");
  await expect.poll(() => ada.unsaved()).toBe(false);
  expect(ada.savedClock()).toBeGreaterThanOrEqual(note.clock);
  expect(await database.db.roomUpdate.count({ where: { roomId } })).toBeGreaterThan(0);
  expect(ada.closeCodes).toEqual([]);
});

it("stops reconnecting after the server refuses a change, and tells the reader to reload", async () => {
  const ada = await reader("Ada");
  const cleo = await reader("Cleo");
  // Written around annotate.ts, as a tampered page would: a highlight under Cleo's name.
  const forged = highlight(cleo.user, paragraphs[0]!, paragraphs[0]!.text.slice(0, 10));
  ada.doc.getMap(ANNOTATIONS).set(entryKey(cleo.user.id, forged.id), forged);

  await expect.poll(() => ada.finalClose()?.code).toBe(CloseCode.UpdateRefused);
  expect(ada.finalClose()?.message).toMatch(/reload/i);
  expect(ada.closeCodes).toEqual([CloseCode.UpdateRefused]);
  expect(ada.provider.shouldConnect).toBe(false);
  expect(notesIn(cleo.doc).annotationIds).not.toContain(forged.id);
  expect(ada.unsaved()).toBe(true);
});

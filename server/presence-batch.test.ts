/**
 * Presence in a busy room: when many readers move at once, each reader is sent their moves gathered in a few
 * messages, not one per move, and still ends up with everyone's latest paragraph. Real server, real sockets.
 */
import * as decoding from "lib0/decoding";
import { afterAll, beforeAll, expect, it } from "vitest";
import { roomIdFor } from "../lib/doc/layout";
import { MessageType } from "../lib/live/wire";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { createUser, sessionCookie } from "../tests/helpers/users";
import { connectClient, type TestClient } from "../tests/helpers/y-client";
import { startTestServer, type TestServer } from "../tests/helpers/ws-server";
import { PRESENCE_WINDOW_MS } from "./room";

let database: TestDatabase;
let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.db);
});

afterAll(async () => {
  clients.forEach((client) => client.ws.terminate());
  await server.close();
  await database.drop();
});

const presenceFrames = (client: TestClient) =>
  client.received.filter((frame) => decoding.readVarUint(decoding.createDecoder(frame)) === MessageType.Awareness).length;

it("gathers many readers' moves into a few messages per reader, each reader seeing everyone's last paragraph", async () => {
  const essay = await database.db.essay.findFirstOrThrow({ include: { paragraphs: { orderBy: { position: "asc" }, take: 6 } } });
  const roomId = roomIdFor(essay.id, null);
  const readers = 12;
  for (let i = 0; i < readers; i++) {
    const user = await createUser(database.db, `Reader ${i}`);
    const client = connectClient(server.roomUrl(roomId), { cookie: await sessionCookie(user.id), origin: server.origin });
    clients.push(client);
  }
  await Promise.all(clients.map((client) => client.synced));
  const watcher = clients[0]!;
  await new Promise((resolve) => setTimeout(resolve, 3 * PRESENCE_WINDOW_MS));
  const before = presenceFrames(watcher);

  // Every reader moves through all six paragraphs at once: 72 changes of presence.
  for (const paragraph of essay.paragraphs) for (const client of clients) client.awareness.setLocalStateField("reading", paragraph.id);
  const last = essay.paragraphs.at(-1)!.id;
  await expect
    .poll(() => clients.every((client) => [...watcher.awareness.getStates()].some(([id, state]) => id === client.doc.clientID && state.reading === last)))
    .toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 3 * PRESENCE_WINDOW_MS));

  const sent = presenceFrames(watcher) - before;
  expect(sent).toBeGreaterThan(0);
  // Sent one by one, these would be 72 messages to the watcher; gathered, a handful.
  expect(sent).toBeLessThanOrEqual(6);
});

import { afterAll, beforeAll, expect, it } from "vitest";
import { roomIdFor } from "../lib/doc/layout";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { annotationIds, comment, highlight, putAnnotation, putComment } from "../tests/helpers/entries";
import { killHard, startServerProcess, type ServerProcess } from "../tests/helpers/server-process";
import { createUser, sessionCookie } from "../tests/helpers/users";
import { connectClient, waitFor, type TestClient } from "../tests/helpers/y-client";

let database: TestDatabase;
let server: ServerProcess | undefined;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  clients.forEach((client) => client.ws.terminate());
  if (server) await killHard(server);
  await database.drop();
});

it("keeps every update another reader received through a SIGKILL of the server", async () => {
  const essay = await database.db.essay.findFirstOrThrow({
    include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } },
  });
  const roomId = roomIdFor(essay.id, null);
  const ada = await createUser(database.db, "Ada");
  const ben = await createUser(database.db, "Ben");
  const join = async (user: { id: string }) => {
    const client = connectClient(`ws://127.0.0.1:${server!.port}/ws/${roomId}`, {
      cookie: await sessionCookie(user.id),
      origin: server!.origin,
    });
    clients.push(client);
    await client.synced;
    return client;
  };

  server = await startServerProcess(database.url);
  const a = await join(ada);
  const b = await join(ben);
  // Twenty separate writes in quick succession, each its own update, as a busy seminar would make them.
  const words = ["Taliban", "Moscow", "Kremlin", "communication", "channels"];
  for (let i = 0; i < 20; i++) {
    const paragraph = essay.paragraphs[i % essay.paragraphs.length]!;
    const word = words.find((w) => paragraph.text.includes(w)) ?? paragraph.text.slice(0, 12);
    const mark = highlight(ada, paragraph, word);
    a.doc.transact(() => {
      putAnnotation(a.doc, mark);
      putComment(a.doc, comment(ada, mark.id, `Note ${i}`));
    });
  }
  await waitFor(b.doc, () => annotationIds(b.doc).length === 20, 10_000, "all twenty annotations at Ben");
  const seenByBen = annotationIds(b.doc);
  const commentsSeenByBen = b.doc.getMap("comments").toJSON();

  await killHard(server);
  server = await startServerProcess(database.url);

  const fresh = await join(ben);
  expect(annotationIds(fresh.doc)).toEqual(seenByBen);
  expect(fresh.doc.getMap("comments").toJSON()).toEqual(commentsSeenByBen);
  // The relational copy catches up from the log when the room is loaded again.
  await expect.poll(() => database.db.annotation.count({ where: { roomId, deletedAt: null } }), { timeout: 5000 }).toBe(20);
  await expect.poll(() => database.db.comment.count({ where: { roomId, deletedAt: null } }), { timeout: 5000 }).toBe(20);
}, 60_000);

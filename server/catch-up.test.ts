/**
 * A page's catch-up (its sync step 2) that brings nothing new is taken without being checked or applied
 * (server/room.ts); one that brings anything is checked like any update. Real sockets, real database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ANNOTATIONS, entryKey, roomIdFor } from "../lib/doc/layout";
import { CloseCode } from "../lib/live/wire";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { highlight, putAnnotation } from "../tests/helpers/entries";
import { createUser, sessionCookie } from "../tests/helpers/users";
import { startTestServer, type TestServer } from "../tests/helpers/ws-server";
import { connectClient, waitFor, type TestClient } from "../tests/helpers/y-client";

let database: TestDatabase;
let server: TestServer;
let roomId: string;
let paragraphs: Array<{ id: string; text: string }>;
const open: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.db);
  const essay = await database.db.essay.findFirstOrThrow({ include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } } });
  roomId = roomIdFor(essay.id, null);
  paragraphs = essay.paragraphs;
});

afterAll(async () => {
  open.forEach((client) => client.ws.terminate());
  await server.close();
  await database.drop();
});

async function connect(user: { id: string }, doc?: Y.Doc) {
  const client = connectClient(server.roomUrl(roomId), { cookie: await sessionCookie(user.id), origin: server.origin, doc });
  open.push(client);
  return client;
}

/** A copy of a page's document, as the page holds it when it reconnects. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe("a returning page's catch-up", () => {
  it("that repeats what the room has (deletions included) syncs, and the page writes on as before", async () => {
    const [ada, ben] = await Promise.all([createUser(database.db, "Ada"), createUser(database.db, "Ben")]);
    const adaPage = await connect(ada);
    const benPage = await connect(ben);
    await Promise.all([adaPage.synced, benPage.synced]);
    const kept = highlight(ada, paragraphs[0]!, paragraphs[0]!.text.slice(0, 8));
    const dropped = highlight(ada, paragraphs[1]!, paragraphs[1]!.text.slice(0, 8));
    putAnnotation(adaPage.doc, kept);
    putAnnotation(adaPage.doc, dropped);
    adaPage.doc.getMap(ANNOTATIONS).delete(entryKey(ada.id, dropped.id));
    await waitFor(benPage.doc, () => benPage.doc.getMap(ANNOTATIONS).has(entryKey(ada.id, kept.id)), 5000, "Ada's note at Ben");
    const rows = await database.db.roomUpdate.count({ where: { roomId } });

    await adaPage.close();
    const returning = await connect(ada, copyOf(adaPage.doc));
    await returning.synced;
    const later = highlight(ada, paragraphs[2]!, paragraphs[2]!.text.slice(0, 8));
    putAnnotation(returning.doc, later);
    await waitFor(benPage.doc, () => benPage.doc.getMap(ANNOTATIONS).has(entryKey(ada.id, later.id)), 5000, "the later note at Ben");
    expect(await database.db.roomUpdate.count({ where: { roomId } })).toBe(rows + 1);
    expect(benPage.doc.getMap(ANNOTATIONS).has(entryKey(ada.id, dropped.id))).toBe(false);
  });

  it("that brings something is checked: an entry under another reader's key is refused", async () => {
    const [cleo, dan] = await Promise.all([createUser(database.db, "Cleo"), createUser(database.db, "Dan")]);
    const cleoPage = await connect(cleo);
    await cleoPage.synced;
    const doc = copyOf(cleoPage.doc);
    putAnnotation(doc, highlight(dan, paragraphs[3]!, paragraphs[3]!.text.slice(0, 8)));
    const forged = await connect(cleo, doc);
    expect((await forged.closed).code).toBe(CloseCode.UpdateRefused);
  });
});

import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { savedClockIn } from "../lib/client/saved-clock";
import type { Annotation } from "../lib/doc/layout";
import { ANNOTATIONS, COMMENTS, entryKey, roomIdFor } from "../lib/doc/layout";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { annotationIds, comment, highlight, putAnnotation, putComment } from "../tests/helpers/entries";
import { createUser, sessionCookie } from "../tests/helpers/users";
import { connectClient, waitFor, type TestClient } from "../tests/helpers/y-client";
import { startTestServer, type TestServer } from "../tests/helpers/ws-server";
import { CloseCode } from "../lib/live/wire";

let database: TestDatabase;
let server: TestServer;
let roomId: string;
let paragraphs: Array<{ id: string; text: string }>;
let ada: { id: string; name: string };
let ben: { id: string; name: string };
let cleo: { id: string; name: string };
const open: TestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.db, { maxPayload: 64 * 1024 });
  const essay = await database.db.essay.findFirstOrThrow({
    include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } },
  });
  roomId = roomIdFor(essay.id, null);
  paragraphs = essay.paragraphs;
  ada = await createUser(database.db, "Ada");
  ben = await createUser(database.db, "Ben");
  cleo = await createUser(database.db, "Cleo");
});

afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
  await server.close();
  await database.drop();
});

async function join(user: { id: string }, options: { origin?: string } = {}) {
  const client = connectClient(server.roomUrl(roomId), {
    cookie: await sessionCookie(user.id),
    origin: options.origin ?? server.origin,
  });
  open.push(client);
  return client;
}

describe("connecting", () => {
  it("refuses an upgrade without a session before sending any document byte", async () => {
    const client = connectClient(server.roomUrl(roomId), { origin: server.origin });
    expect((await client.closed).code).toBe(CloseCode.Unauthenticated);
    expect(client.received).toEqual([]);
  });

  it("refuses a forged session cookie", async () => {
    const client = connectClient(server.roomUrl(roomId), {
      origin: server.origin,
      cookie: await sessionCookie(ada.id, "some-other-secret"),
    });
    expect((await client.closed).code).toBe(CloseCode.Unauthenticated);
    expect(client.received).toEqual([]);
  });

  it("refuses another site's Origin even with a valid session", async () => {
    const client = await join(ada, { origin: "https://evil.example" });
    expect((await client.closed).code).toBe(CloseCode.Forbidden);
    expect(client.received).toEqual([]);
  });

  it("refuses an unknown room", async () => {
    const client = connectClient(server.roomUrl("no-such-essay.open"), {
      cookie: await sessionCookie(ada.id),
      origin: server.origin,
    });
    expect((await client.closed).code).toBe(CloseCode.RoomNotFound);
    expect(client.received).toEqual([]);
  });
});

describe("a shared room", () => {
  it("converges two readers and gives a late reader everything", async () => {
    const a = await join(ada);
    const b = await join(ben);
    await Promise.all([a.synced, b.synced]);

    const mark = highlight(ada, paragraphs[0]!, "carefully prepared by Moscow");
    a.doc.transact(() => {
      putAnnotation(a.doc, mark);
      putComment(a.doc, comment(ada, mark.id, "Prepared how, exactly?"));
    });
    await waitFor(b.doc, () => b.doc.getMap(COMMENTS).size === 1, 5000, "Ada's comment at Ben");
    const root = [...b.doc.getMap<{ id: string }>(COMMENTS).values()][0]!;
    putComment(b.doc, comment(ben, mark.id, "Through the Doha talks.", root.id));
    await waitFor(a.doc, () => a.doc.getMap(COMMENTS).size === 2, 5000, "Ben's reply at Ada");

    expect(b.doc.getMap(ANNOTATIONS).get(entryKey(ada.id, mark.id))).toEqual(mark);
    const late = await join(cleo);
    await late.synced;
    expect(annotationIds(late.doc)).toEqual([mark.id]);
    expect(late.doc.getMap(COMMENTS).toJSON()).toEqual(a.doc.getMap(COMMENTS).toJSON());
  });

  it("keeps a relational copy of annotations and comments", async () => {
    const a = await join(ada);
    await a.synced;
    const mark = highlight(ada, paragraphs[1]!, "de facto acceptance", "green");
    a.doc.transact(() => {
      putAnnotation(a.doc, mark);
      putComment(a.doc, comment(ada, mark.id, "Acceptance, or resignation?"));
    });
    await expect
      .poll(() => database.db.annotation.findFirst({ where: { id: mark.id }, include: { comments: true } }), { timeout: 5000 })
      .toMatchObject({
        roomId,
        paragraphId: paragraphs[1]!.id,
        authorId: ada.id,
        color: "green",
        quote: "de facto acceptance",
        start: mark.selector![1].start,
        end: mark.selector![1].end,
        comments: [expect.objectContaining({ authorId: ada.id, body: "Acceptance, or resignation?", parentId: null })],
      });
  });

  it("shows readers under the names the server knows, whatever a client claims", async () => {
    const a = await join(ada);
    const b = await join(ben);
    await Promise.all([a.synced, b.synced]);
    a.awareness.setLocalState({ user: { id: ben.id, name: "Mallory" }, reading: paragraphs[2]!.id });
    await expect
      .poll(() => b.awareness.getStates().get(a.doc.clientID) as { user?: { id: string; name: string }; reading?: string } | undefined, { timeout: 5000 })
      .toMatchObject({ user: { id: ada.id, name: "Ada" }, reading: paragraphs[2]!.id });
  });

  it("ignores presence a client sends for other readers, as the y-websocket client does when states time out", async () => {
    const a = await join(ada);
    await a.synced;
    a.awareness.setLocalState({ reading: paragraphs[1]!.id });
    const b = await join(ben);
    await b.synced;
    await expect.poll(() => b.awareness.getStates().has(a.doc.clientID)).toBe(true);
    // Ben's client claims Ada's presence is gone, and then that she is someone else.
    const meta = b.awareness.meta.get(a.doc.clientID)!;
    const forged = (state: unknown, clock: number) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, a.doc.clientID);
      encoding.writeVarUint(update, clock);
      encoding.writeVarString(update, JSON.stringify(state));
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
      return encoding.toUint8Array(encoder);
    };
    b.sendRaw(forged(null, meta.clock + 1));
    b.sendRaw(forged({ user: { id: ben.id, name: "Not Ada" } }, meta.clock + 2));
    const c = await join(cleo);
    await c.synced;
    await expect.poll(() => c.awareness.getStates().get(a.doc.clientID)).toMatchObject({ user: { id: ada.id, name: "Ada" } });
    expect(b.ws.readyState).toBe(b.ws.OPEN);
  });
});

describe("saving", () => {
  it("sends a writer its own update back once it is in the database, which is how its page knows it is saved", async () => {
    const a = await join(ada);
    await a.synced;
    const rowsBefore = await database.db.roomUpdate.count({ where: { roomId } });
    const mark = highlight(ada, paragraphs[7]!, paragraphs[7]!.text.slice(0, 24));
    putAnnotation(a.doc, mark);
    const clock = Y.getState(a.doc.store, a.doc.clientID);
    await expect
      .poll(() => a.received.some((frame) => savedClockIn(decoding.createDecoder(frame.subarray(1)), a.doc.clientID) === clock && frame[0] === 0))
      .toBe(true);
    expect(await database.db.roomUpdate.count({ where: { roomId } })).toBeGreaterThan(rowsBefore);
  });
});

describe("unloading", () => {
  it("saves an emptied room, unloads it, and loads it again whole", async () => {
    const quick = await startTestServer(database.db, { unloadAfterMs: 50 });
    try {
      const connect = async (user: { id: string }) => {
        const client = connectClient(quick.roomUrl(roomId), { cookie: await sessionCookie(user.id), origin: quick.origin });
        await client.synced;
        return client;
      };
      const writer = await connect(ada);
      const mark = highlight(ada, paragraphs[6]!, paragraphs[6]!.text.slice(0, 20));
      putAnnotation(writer.doc, mark);
      await writer.close();
      await expect.poll(() => quick.rooms(), { timeout: 5000 }).toBe(0);
      const reader = await connect(ben);
      expect(reader.doc.getMap(ANNOTATIONS).get(entryKey(ada.id, mark.id))).toEqual(mark);
      await reader.close();
    } finally {
      await quick.close();
    }
  });
});

describe("bad input", () => {
  it("closes only the connection that sends an oversized frame", async () => {
    const a = await join(ada);
    const b = await join(ben);
    await Promise.all([a.synced, b.synced]);
    a.sendRaw(new Uint8Array(65 * 1024));
    expect((await a.closed).code).toBe(CloseCode.MessageTooBig);
    await expectRoomStillWorks(b);
  });

  it("closes only the connection that sends a garbage frame", async () => {
    const a = await join(ada);
    const b = await join(ben);
    await Promise.all([a.synced, b.synced]);
    a.sendRaw(new Uint8Array([0, 2, 200, 1, 2, 3]));
    expect((await a.closed).code).toBe(CloseCode.MalformedMessage);
    const c = await join(ada);
    await c.synced;
    c.sendRaw("this is not a y-websocket message");
    expect((await c.closed).code).toBe(CloseCode.MalformedMessage);
    await expectRoomStillWorks(b);
  });

  it("refuses an annotation forged in another reader's name, and keeps it out of every document and table", async () => {
    const mallory = await join(ben);
    const witness = await join(cleo);
    await Promise.all([mallory.synced, witness.synced]);
    const forged: Annotation = highlight(ada, paragraphs[5]!, "list of terrorist organizations");
    putAnnotation(mallory.doc, forged);
    expect((await mallory.closed).code).toBe(CloseCode.UpdateRefused);
    await expectRoomStillWorks(witness);
    expect(witness.doc.getMap(ANNOTATIONS).has(entryKey(ada.id, forged.id))).toBe(false);
    expect(await database.db.annotation.findFirst({ where: { id: forged.id } })).toBeNull();
  });
});

/** A fresh write by another reader still reaches `client`. */
async function expectRoomStillWorks(client: TestClient) {
  const writer = await join(cleo);
  await writer.synced;
  const mark = highlight(cleo, paragraphs[4]!, "Russia");
  putAnnotation(writer.doc, mark);
  await waitFor(client.doc, () => client.doc.getMap(ANNOTATIONS).has(entryKey(cleo.id, mark.id)), 5000, "a later write");
}

/**
 * A seminar for real-socket tests: an instructor, two students (Ada and Ben) in the first seminar's room on
 * the seed essay, Cleo in a second seminar's room on the same essay, and the websocket server on port 0 in
 * front of a fresh database. Also what a refused write must leave as it was (`expectNoTrace`).
 */
import { expect } from "vitest";
import * as Y from "yjs";
import { ANNOTATIONS, COMMENTS, entryKey, roomIdFor, ROOT_MAPS } from "../../lib/doc/layout";
import { CloseCode } from "../../lib/live/wire";
import { addEssay } from "../../lib/seminars/add-essay.server";
import { createSeminar } from "../../lib/seminars/create-seminar.server";
import { joinSeminar } from "../../lib/seminars/join-seminar.server";
import type { WsServerOptions } from "../../server/ws-server";
import { createTestDatabase, type TestDatabase } from "./database";
import { comment, highlight, putAnnotation, putComment } from "./entries";
import { createUser, sessionCookie } from "./users";
import { connectClient, waitFor, type TestClient } from "./y-client";
import { until } from "./until";
import { startTestServer, type TestServer } from "./ws-server";

export type User = { id: string; name: string };
export type Paragraph = { id: string; text: string };

export type SeminarFixture = {
  database: TestDatabase;
  server: TestServer;
  essayId: string;
  paragraphs: Paragraph[];
  firstSeminarId: string;
  firstRoom: string;
  secondRoom: string;
  teacher: User;
  ada: User;
  ben: User;
  cleo: User;
  /** Opens a connection (not yet synced). */
  join: (user: User, roomId?: string, doc?: Y.Doc) => Promise<TestClient>;
  joined: (user: User, roomId?: string, doc?: Y.Doc) => Promise<TestClient>;
  /** Writes a highlight with a comment as `user` and waits until `witness` has it and its row is copied. */
  thread: (user: User, witness: TestClient, words?: string) => Promise<{ mark: ReturnType<typeof highlight>; root: ReturnType<typeof comment>; writer: TestClient }>;
  /** Ends every connection the fixture opened (and waits until the server has seen them go). */
  disconnectAll: () => Promise<void>;
  /** A second server on the same database, as after a restart; closed with the fixture. */
  restart: (options?: Partial<WsServerOptions>) => Promise<void>;
  close: () => Promise<void>;
};

/** `listen`: the server hears access events (removals, sign-outs, archives) from the fixture's database. */
export async function setupSeminar({ listen = false, ...serverOptions }: Partial<WsServerOptions> & { listen?: boolean } = {}): Promise<SeminarFixture> {
  const database = await createTestDatabase();
  const { db } = database;
  const options: Partial<WsServerOptions> = listen ? { databaseUrl: database.url, ...serverOptions } : serverOptions;
  let server = await startTestServer(db, options);
  const essay = await db.essay.findFirstOrThrow({ include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } } });
  const [teacher, ada, ben, cleo] = await Promise.all(["Teacher", "Ada", "Ben", "Cleo"].map((name) => createUser(db, name)));
  const first = await createSeminar(db, { name: "Russia and its neighbours", term: "Spring", instructorId: teacher!.id });
  await joinSeminar(db, { code: first.inviteCode!, userId: ada!.id });
  await joinSeminar(db, { code: first.inviteCode!, userId: ben!.id });
  await addEssay(db, { seminarId: first.id, essayId: essay.id, userId: teacher!.id });
  const second = await createSeminar(db, { name: "Another seminar", term: "Spring", instructorId: teacher!.id });
  await joinSeminar(db, { code: second.inviteCode!, userId: cleo!.id });
  await addEssay(db, { seminarId: second.id, essayId: essay.id, userId: teacher!.id });
  const firstRoom = roomIdFor(essay.id, first.id);
  const open: TestClient[] = [];

  const fixture: SeminarFixture = {
    database,
    get server() {
      return server;
    },
    essayId: essay.id,
    paragraphs: essay.paragraphs,
    firstSeminarId: first.id,
    firstRoom,
    secondRoom: roomIdFor(essay.id, second.id),
    teacher: teacher!,
    ada: ada!,
    ben: ben!,
    cleo: cleo!,
    async join(user, roomId = firstRoom, doc) {
      const client = connectClient(server.roomUrl(roomId), { cookie: await sessionCookie(user.id), origin: server.origin, doc });
      open.push(client);
      return client;
    },
    async joined(user, roomId, doc) {
      const client = await fixture.join(user, roomId, doc);
      await client.synced;
      return client;
    },
    async thread(user, witness, words = "Moscow") {
      const writer = await fixture.joined(user);
      const paragraph = essay.paragraphs.find((p) => p.text.includes(words))!;
      const mark = highlight(user, paragraph, words);
      const root = comment(user, mark.id, `A thought on ${words}`);
      writer.doc.transact(() => {
        putAnnotation(writer.doc, mark);
        putComment(writer.doc, root);
      });
      await waitFor(witness.doc, () => witness.doc.getMap(COMMENTS).has(entryKey(user.id, root.id)), 5000, "the thread");
      await until(async () => (await db.comment.findFirst({ where: { id: root.id } })) !== null, "the thread's row");
      return { mark, root, writer };
    },
    async disconnectAll() {
      const closing = open.splice(0);
      closing.forEach((client) => client.ws.terminate());
      await Promise.all(closing.map((client) => client.closed));
      await new Promise((resolve) => setTimeout(resolve, 50)); // the server's close handlers run after the socket's
    },
    async restart(restartOptions = options) {
      open.forEach((client) => client.ws.terminate());
      await server.close();
      server = await startTestServer(db, restartOptions);
    },
    async close() {
      open.forEach((client) => client.ws.terminate());
      await server.close();
      await database.drop();
    },
  };
  return fixture;
}

/** Every root map of a document, as JSON. */
export function mapsOf(doc: Y.Doc): Record<string, unknown> {
  return Object.fromEntries(ROOT_MAPS.map((name) => [name, doc.getMap(name).toJSON()]));
}

/** The room's log as stored: its rows, and the document they make with nothing left pending. */
export async function logOf(fixture: SeminarFixture, roomId: string) {
  const rows = await fixture.database.db.roomUpdate.findMany({ where: { roomId }, orderBy: { id: "asc" }, select: { id: true, data: true } });
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row.data);
  return { rows: rows.map((row) => ({ id: row.id, data: Buffer.from(row.data).toString("hex") })), doc, pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null };
}

/** What a refused write must not change, taken before it is sent. */
export async function traceBefore(fixture: SeminarFixture, witness: TestClient, roomId = fixture.firstRoom) {
  // The relational copy follows the log off the hot path: wait until it holds every entry the witness has.
  const live = (rows: Array<{ deletedAt: Date | null }>) => rows.filter((row) => row.deletedAt === null).length;
  const copied = (rows: Awaited<ReturnType<typeof rowsOf>>) =>
    live(rows.annotations) === witness.doc.getMap(ANNOTATIONS).size && live(rows.comments) === witness.doc.getMap(COMMENTS).size;
  await until(async () => copied(await rowsOf(fixture, roomId)), "the relational copy of the room");
  return { maps: mapsOf(witness.doc), log: await logOf(fixture, roomId), rows: await rowsOf(fixture, roomId) };
}

async function rowsOf(fixture: SeminarFixture, roomId: string) {
  const { db } = fixture.database;
  return {
    annotations: await db.annotation.findMany({ where: { roomId }, orderBy: { id: "asc" } }),
    comments: await db.comment.findMany({ where: { roomId }, orderBy: { id: "asc" } }),
    reactions: await db.reaction.findMany({ where: { roomId }, orderBy: [{ commentId: "asc" }, { userId: "asc" }] }),
  };
}

/**
 * Asserts that `attacker` was closed as refused (with `code`) and that nothing of what it sent reached anyone: the
 * witness's every root map, the log (no new row, nothing pending), the relational rows, and the room as a
 * fresh reader loads it are as they were before.
 */
export async function expectNoTrace(
  fixture: SeminarFixture,
  attacker: TestClient,
  witness: TestClient,
  before: Awaited<ReturnType<typeof traceBefore>>,
  roomId = fixture.firstRoom,
  code: number = CloseCode.UpdateRefused,
) {
  expect((await attacker.closed).code).toBe(code);
  // The server handles each connection's frames in order and refused the write before this one was sent: had
  // the refused write been applied, the witness would have received it first.
  const probe = await fixture.joined(fixture.teacher, roomId);
  const marker = `probe-${Math.random().toString(36).slice(2, 10)}`;
  probe.awareness.setLocalStateField("reading", marker);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the room stopped answering")), 5000);
    const check = () => {
      for (const state of witness.awareness.getStates().values()) {
        if ((state as { reading?: unknown }).reading === marker) {
          clearTimeout(timer);
          witness.awareness.off("change", check);
          resolve();
        }
      }
    };
    witness.awareness.on("change", check);
    check();
  });
  expect(mapsOf(witness.doc)).toEqual(before.maps);
  const log = await logOf(fixture, roomId);
  expect(log.rows).toEqual(before.log.rows);
  expect(log.pending).toBe(false);
  expect(mapsOf(log.doc)).toEqual(before.maps); // the room as a restarted server loads it
  expect(await rowsOf(fixture, roomId)).toEqual(before.rows);
  const fresh = await fixture.joined(fixture.teacher, roomId);
  expect(mapsOf(fresh.doc)).toEqual(before.maps);
  probe.ws.terminate();
  fresh.ws.terminate();
}

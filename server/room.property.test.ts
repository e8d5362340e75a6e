/**
 * Every check modelled as a property: for random sequences of honest and hostile changes from several members
 * of one room (the real Room on a real PostgreSQL, connections in process), once things are quiet
 * - every honest page's document equals the server's, live and stored, and a fresh load of the log;
 * - nothing is pending, anywhere;
 * - every entry under a member's key was written only by that member's client ids or the server's own
 *   moderation, and moderation only by instructors or the server;
 * - no honest page was ever closed, and hidden text sits in no student's document.
 */
import fc from "fast-check";
import * as decoding from "lib0/decoding";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import {
  AnnotateError,
  createHighlight,
  deleteComment,
  editComment,
  hideComment,
  react,
  reply,
  resolveThread,
  showComment,
  startThread,
  type WriteTarget,
} from "../lib/client/annotate";
import { ANNOTATIONS, COMMENTS, HIDDEN, OPENERS, REACTIONS, RESOLVED, ROOT_MAPS, entryKey, type Comment } from "../lib/doc/layout";
import type { Writer } from "../lib/doc/permissions";
import { allThreads, readRoom } from "../lib/doc/read";
import { MessageType, SyncStep } from "../lib/live/wire";
import { addEssay } from "../lib/seminars/add-essay.server";
import { createSeminar } from "../lib/seminars/create-seminar.server";
import { joinSeminar } from "../lib/seminars/join-seminar.server";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { forgeUpdate, freshClient, updateFor } from "../tests/helpers/forge-update";
import { createUser } from "../tests/helpers/users";
import { CloseError } from "./close-error";
import { DEFAULT_LIMITS } from "./limits";
import { loadRoomDocument } from "./persistence";
import { newConnection, Room, type Connection } from "./room";
import { createSqlPool, type Sql } from "./sql-pool";

let database: TestDatabase;
let sql: Sql;
let essay: { id: string; paragraphs: Array<{ id: string; text: string }> };
let seminarId: string;
let members: { teacher: Writer; ada: Writer; ben: Writer };
let runs = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  sql = createSqlPool(database.url);
  const { db } = database;
  const found = await db.essay.findFirstOrThrow({ include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" }, take: 4 } } });
  essay = { id: found.id, paragraphs: found.paragraphs.map(({ id, text }) => ({ id, text })) };
  const [teacher, ada, ben] = await Promise.all(["Teacher", "Ada", "Ben"].map((name) => createUser(db, name)));
  const seminar = await createSeminar(db, { name: "Property", term: "Spring", instructorId: teacher!.id });
  await joinSeminar(db, { code: seminar.inviteCode!, userId: ada!.id });
  await joinSeminar(db, { code: seminar.inviteCode!, userId: ben!.id });
  await addEssay(db, { seminarId: seminar.id, essayId: found.id, userId: teacher!.id });
  seminarId = seminar.id;
  members = { teacher: { ...teacher!, role: "instructor" }, ada: { ...ada!, role: "student" }, ben: { ...ben!, role: "student" } };
});

afterAll(async () => {
  await sql.end();
  await database.drop();
});

const SERVER = Symbol("server");

/** A page in process: its document, its connection, and what it was sent. */
type Page = { writer: Writer; doc: Y.Doc; conn: Connection; inbox: Uint8Array[]; closedWith: number | null };

function openPage(room: Room, writer: Writer, doc = new Y.Doc()): Page {
  const page: Page = { writer, doc, inbox: [], closedWith: null, conn: newConnection(writer, (message) => page.inbox.push(message)) };
  room.join(page.conn);
  page.conn.send = (message) => page.inbox.push(message);
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== SERVER) deliver(room, page, { type: "update", update });
  });
  deliver(room, page, { type: "sync-step-1", stateVector: Y.encodeStateVector(doc) });
  return page;
}

function deliver(room: Room, page: Page, message: Parameters<Room["receive"]>[1]) {
  if (page.closedWith !== null) return;
  try {
    room.receive(page.conn, message);
  } catch (error) {
    if (!(error instanceof CloseError)) throw error;
    page.closedWith = error.code;
    room.leave(page.conn);
  }
}

/** Hands every page what the server sent it, answering sync step 1, until nothing is left to hand over. */
async function settle(room: Room, pages: Page[]) {
  for (let round = 0; round < 50; round++) {
    await room.settle();
    let moved = false;
    for (const page of pages) {
      for (const message of page.inbox.splice(0)) {
        moved = true;
        if (page.closedWith !== null) continue;
        const decoder = decoding.createDecoder(message);
        if (decoding.readVarUint(decoder) !== MessageType.Sync) continue;
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SyncStep.Step1) deliver(room, page, { type: "sync-step-2", update: Y.encodeStateAsUpdate(page.doc, payload) });
        else Y.applyUpdate(page.doc, payload, SERVER);
      }
    }
    if (!moved && room.connections.size >= 0) return;
  }
}

type Who = "teacher" | "ada" | "ben";
type Action =
  | { kind: "note"; by: Who; paragraph: number; comment: boolean }
  | { kind: "reply"; by: Who; pick: number }
  | { kind: "edit"; by: Who; pick: number }
  | { kind: "delete"; by: Who; pick: number }
  | { kind: "react"; by: Who; pick: number }
  | { kind: "resolve"; by: Who; pick: number }
  | { kind: "hide"; pick: number; show: boolean }
  | { kind: "forge"; shape: number; pick: number };

const who = fc.constantFrom<Who>("teacher", "ada", "ben");
const actions = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("note" as const), by: who, paragraph: fc.nat(3), comment: fc.boolean() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("reply" as const), by: who, pick: fc.nat(20) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("edit" as const), by: who, pick: fc.nat(20) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), by: who, pick: fc.nat(20) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("react" as const), by: who, pick: fc.nat(20) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("resolve" as const), by: who, pick: fc.nat(20) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("hide" as const), pick: fc.nat(20), show: fc.boolean() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("forge" as const), shape: fc.nat(9), pick: fc.nat(20) }) },
  ),
  { minLength: 1, maxLength: 24 },
);

/** Ben's hostile page writes bytes no honest page would; `pick` chooses whom they target. */
function forged(shape: number, target: Y.Doc, attacker: Y.Doc, pick: number): Uint8Array {
  const comments = [...target.getMap<Comment>(COMMENTS).values()];
  const victim = comments.length > 0 ? comments[pick % comments.length]! : null;
  const para = essay.paragraphs[0]!;
  const honestShape = (change: (doc: Y.Doc) => void) => updateFor(attacker, change);
  const ben = members.ben;
  const mark = () => ({ id: `forged${Math.random().toString(36).slice(2, 10)}`, authorId: ben.id, authorName: ben.name, paragraphId: para.id, kind: "paragraph" as const, color: null, selector: null, createdAt: Date.now() });
  switch (shape) {
    case 0: // in Ada's name
      return honestShape((doc) => doc.getMap(ANNOTATIONS).set(entryKey(members.ada.id, "forged_ada1"), { ...mark(), id: "forged_ada1", authorId: members.ada.id, authorName: members.ada.name }));
    case 1: // someone's comment id under Ben's key
      return honestShape((doc) => victim && victim.authorId !== ben.id && doc.getMap(COMMENTS).set(entryKey(ben.id, victim.id), { ...victim, authorId: ben.id, authorName: ben.name, body: "decoy", withheld: undefined }));
    case 2: // a first comment timed at 0
      return honestShape((doc) => victim && doc.getMap(COMMENTS).set(entryKey(ben.id, "early_bird1"), { id: "early_bird1", authorId: ben.id, authorName: ben.name, annotationId: victim.annotationId, parentId: null, body: "first", createdAt: 0, editedAt: null }));
    case 3: // deleting someone else's comment
      return honestShape((doc) => victim && victim.authorId !== ben.id && doc.getMap(COMMENTS).delete(entryKey(victim.authorId, victim.id)));
    case 4: // hiding as a student
      return honestShape((doc) => victim && doc.getMap(HIDDEN).set(victim.id, { id: victim.id, byId: ben.id, byName: ben.name, at: Date.now() }));
    case 5: // the server's own maps
      return honestShape((doc) => victim && doc.getMap(OPENERS).set(victim.annotationId, { id: victim.annotationId, commentId: victim.id, at: Date.now() }));
    case 6: // a GC after a gap
      return forgeUpdate([{ client: freshClient(), clock: 3, structs: [{ kind: "gc", length: 1 }] }]);
    case 7: {
      // the same client twice
      const client = freshClient();
      const item = (id: string) => ({ kind: "item" as const, parent: ANNOTATIONS, key: entryKey(ben.id, id), content: { value: { ...mark(), id } } });
      return forgeUpdate([
        { client, clock: 0, structs: [item("twice_aaa1")] },
        { client, clock: 1, structs: [item("twice_bbb2")] },
      ]);
    }
    case 8: // reacting in Ada's name
      return honestShape((doc) => victim && doc.getMap(REACTIONS).set(entryKey(members.ada.id, victim.id), { id: victim.id, authorId: members.ada.id, authorName: members.ada.name, reaction: "agree", createdAt: Date.now() }));
    default: // the client id another member writes with
      return honestShape((doc) => {
        const taken = [...target.store.clients.keys()].find((c) => c !== attacker.clientID);
        if (taken === undefined) return;
        doc.clientID = taken;
        doc.getMap(ANNOTATIONS).set(entryKey(ben.id, "stolen_id1"), { ...mark(), id: "stolen_id1" });
      });
  }
}

function act(action: Action, pages: Record<Who, Page>, hostile: { page: Page }, room: Room, targets: (page: Page) => WriteTarget) {
  const threads = (page: Page) => allThreads(readRoom(page.doc, essay.paragraphs), essay.paragraphs);
  const comments = (page: Page) => threads(page).flatMap((t) => [t.opener, ...t.replies].filter((c) => c !== null).map((c) => ({ thread: t, comment: c! })));
  try {
    switch (action.kind) {
      case "note": {
        const page = pages[action.by];
        const p = essay.paragraphs[action.paragraph]!;
        createHighlight(targets(page), { paragraphId: p.id, paragraphText: p.text, span: { start: 0, end: 8 }, color: "yellow", ...(action.comment ? { comment: `note by ${action.by}` } : {}) });
        return;
      }
      case "reply": {
        const page = pages[action.by];
        const list = threads(page);
        const thread = list[action.pick % Math.max(1, list.length)];
        if (!thread) return;
        if (thread.rootId) reply(targets(page), { annotationId: thread.annotation.id, rootId: thread.rootId, body: `reply by ${action.by}` });
        else startThread(targets(page), { annotationId: thread.annotation.id, body: `first by ${action.by}` });
        return;
      }
      case "edit":
      case "delete":
      case "react":
      case "resolve": {
        const page = pages[action.by];
        const list = comments(page);
        const found = list[action.pick % Math.max(1, list.length)];
        if (!found) return;
        if (action.kind === "edit") editComment(targets(page), found.comment, { body: `edited by ${action.by}` });
        if (action.kind === "delete") deleteComment(targets(page), found.comment);
        if (action.kind === "react") react(targets(page), found.comment.id, "insightful");
        if (action.kind === "resolve" && found.thread.opener) resolveThread(targets(page), found.thread.opener.id);
        return;
      }
      case "hide": {
        const page = pages.teacher;
        const list = comments(page);
        const found = list[action.pick % Math.max(1, list.length)];
        if (!found) return;
        if (action.show) showComment(targets(page), found.comment.id);
        else hideComment(targets(page), found.comment.id);
        return;
      }
      case "forge": {
        if (hostile.page.closedWith !== null) hostile.page = openPage(room, members.ben);
        deliver(room, hostile.page, { type: "update", update: forged(action.shape, pages.teacher.doc, hostile.page.doc, action.pick) });
        return;
      }
    }
  } catch (error) {
    // The page's own rules refused it (as they would with a message beside the button): nothing was written.
    if (!(error instanceof AnnotateError)) throw error;
  }
}

const mapsOf = (doc: Y.Doc) => Object.fromEntries(ROOT_MAPS.map((name) => [name, doc.getMap(name).toJSON()]));
const pendingIn = (doc: Y.Doc) => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

it("keeps honest pages converged with the server, nothing pending, and everyone's entries their own", async () => {
  await fc.assert(
    fc.asyncProperty(actions, async (sequence) => {
      const id = `${essay.id}.prop${++runs}`;
      // A fresh room each run; the roles come with the connections, as the websocket server gives them.
      await database.db.room.create({ data: { id, essayId: essay.id } });
      const record = { id, essayId: essay.id, seminarId, ownerId: null, paragraphIds: new Set(essay.paragraphs.map((p) => p.id)) };
      const room = await Room.load({ db: database.db, sql }, record, { compactAfter: 7, limits: DEFAULT_LIMITS, log: () => {} });
      room.setSeminarFacts({ tags: new Set(), memberIds: new Set(Object.values(members).map((m) => m.id)) });
      const pages: Record<Who, Page> = { teacher: openPage(room, members.teacher), ada: openPage(room, members.ada), ben: openPage(room, members.ben) };
      const hostile = { page: openPage(room, members.ben) };
      const all = () => [...Object.values(pages), hostile.page];
      await settle(room, all());
      const targets = (page: Page): WriteTarget => ({ doc: page.doc, writer: page.writer, facts: { paragraphIds: record.paragraphIds, tags: new Set(), memberIds: new Set(Object.values(members).map((m) => m.id)) } });

      for (const action of sequence) {
        act(action, pages, hostile, room, targets);
        await settle(room, all());
      }

      const server = mapsOf(room.doc);
      for (const page of Object.values(pages)) {
        expect(page.closedWith).toBeNull();
        expect(pendingIn(page.doc)).toBe(false);
        expect(mapsOf(page.doc)).toEqual(server);
      }
      expect(pendingIn(room.doc)).toBe(false);
      const stored = new Y.Doc();
      await loadRoomDocument(database.db, id, [stored]);
      expect(pendingIn(stored)).toBe(false);
      expect(mapsOf(stored)).toEqual(server);

      // Who wrote what: the owner of each item's client id, from the room's stored claims.
      const claims = await database.db.roomClient.findMany({ where: { roomId: id } });
      const ownerOf = new Map(claims.map((c) => [Number(c.clientId), c.userId]));
      for (const [client, structs] of stored.store.clients) {
        for (const struct of structs) {
          if (!(struct instanceof Y.Item) || struct.parentSub === null) continue;
          const map = Y.findRootTypeKey(struct.parent as Y.AbstractType<unknown>);
          const owner = ownerOf.get(client);
          if (map === HIDDEN) expect([members.teacher.id, null]).toContain(owner);
          else if (map === RESOLVED || map === OPENERS) expect(owner === null || owner === members.teacher.id || (owner !== undefined && map === RESOLVED)).toBe(true);
          else expect([struct.parentSub.split(":")[0], null]).toContain(owner);
        }
      }
      // Students' documents carry no hidden text.
      for (const [commentId] of room.doc.getMap(HIDDEN)) {
        for (const page of [pages.ada, pages.ben]) {
          const value = [...page.doc.getMap<Comment>(COMMENTS).values()].find((c) => c.id === commentId);
          if (value) expect(value).toMatchObject({ body: "", withheld: true });
        }
      }
      room.destroy();
    }),
    { numRuns: Number(process.env.GLOSS_PROPERTY_RUNS ?? 40) },
  );
}, 300_000);

import { beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { ANCHORS, ANNOTATIONS, COMMENTS, REACTIONS, entryKey, type Comment } from "../lib/doc/layout";
import { sqlDatabase } from "../tests/helpers/sql-database";
import { copyEntries, type DirtyKeys } from "./copy-entries";

const postgres = sqlDatabase();
let user: { id: string; name: string };
let paragraphId: string;

// Registered after sqlDatabase's own beforeAll, so it runs once the database is there.
beforeAll(async () => {
  const { db } = postgres.database;
  user = await db.user.create({ data: { email: "ada@copy.test", name: "Ada", passwordHash: "-" }, select: { id: true, name: true } });
  paragraphId = (await db.paragraph.findFirstOrThrow()).id;
});

/** A room's committed document with one thread (a note, its comment, a reaction to it) per id given. */
function threads(ids: string[]): Y.Doc {
  const doc = new Y.Doc();
  for (const id of ids) {
    doc.getMap(ANNOTATIONS).set(entryKey(user.id, `note-${id}`), {
      id: `note-${id}`,
      authorId: user.id,
      authorName: user.name,
      paragraphId,
      kind: "paragraph",
      color: null,
      selector: null,
      createdAt: 1_700_000_000_000,
    });
    doc.getMap(COMMENTS).set(entryKey(user.id, `comment-${id}`), comment(id, `words of ${id}`));
    doc.getMap(REACTIONS).set(entryKey(user.id, `comment-${id}`), { id: `comment-${id}`, authorId: user.id, authorName: user.name, reaction: "agree", createdAt: 1_700_000_000_000 });
  }
  return doc;
}

function comment(id: string, body: string): Comment {
  return { id: `comment-${id}`, authorId: user.id, authorName: user.name, annotationId: `note-${id}`, parentId: null, body, createdAt: 1_700_000_000_000, editedAt: null, tags: [], mentions: [] };
}

function everything(doc: Y.Doc): DirtyKeys {
  return { annotations: new Set(doc.getMap(ANNOTATIONS).keys()), comments: new Set(doc.getMap(COMMENTS).keys()), reactions: new Set(doc.getMap(REACTIONS).keys()), anchors: new Set(doc.getMap(ANCHORS).keys()) };
}

const copy = (roomId: string, doc: Y.Doc, dirty: DirtyKeys, withheld = new Map<string, Comment>()) =>
  copyEntries(postgres.sql, { roomId, doc, dirty, withheld, receivedAt: () => undefined });

async function tablesOf(roomId: string) {
  const where = { where: { roomId } };
  const annotations = await postgres.database.db.annotation.findMany({ ...where, orderBy: { id: "asc" } });
  const comments = await postgres.database.db.comment.findMany({ ...where, orderBy: { id: "asc" } });
  const reactions = await postgres.database.db.reaction.findMany({ ...where, orderBy: { commentId: "asc" } });
  return {
    annotations: annotations.map((a) => [a.id, a.deletedAt === null]),
    comments: comments.map((c) => [c.id, c.body, c.deletedAt === null]),
    reactions: reactions.map((r) => r.commentId),
  };
}

it("copies the rooms that copy at once, each row in its own room, including what was deleted and a hidden comment's text", async () => {
  // The same entry ids in both rooms (an imported discussion keeps its ids): rows are told apart by room.
  const [one, two] = [await postgres.freshRoom(), await postgres.freshRoom()];
  const [first, second] = [threads(["a", "b"]), threads(["a", "c"])];
  await Promise.all([copy(one, first, everything(first)), copy(two, second, everything(second))]);
  expect(await tablesOf(one)).toEqual({
    annotations: [["note-a", true], ["note-b", true]],
    comments: [["comment-a", "words of a", true], ["comment-b", "words of b", true]],
    reactions: ["comment-a", "comment-b"],
  });
  expect((await tablesOf(two)).comments).toEqual([["comment-a", "words of a", true], ["comment-c", "words of c", true]]);

  // In the first room thread "a" is deleted; in the second, its comment is hidden (the document keeps a stub, the
  // row keeps the text) and its reaction is taken back.
  const gone = { annotations: new Set([entryKey(user.id, "note-a")]), comments: new Set([entryKey(user.id, "comment-a")]), reactions: new Set([entryKey(user.id, "comment-a")]), anchors: new Set<string>() };
  first.getMap(ANNOTATIONS).delete(entryKey(user.id, "note-a"));
  first.getMap(COMMENTS).delete(entryKey(user.id, "comment-a"));
  first.getMap(REACTIONS).delete(entryKey(user.id, "comment-a"));
  second.getMap(COMMENTS).set(entryKey(user.id, "comment-a"), { ...comment("a", ""), withheld: true });
  second.getMap(REACTIONS).delete(entryKey(user.id, "comment-a"));
  const hidden = new Map([["comment-a", comment("a", "words of a")]]);
  await Promise.all([copy(one, first, gone), copy(two, second, { ...gone, annotations: new Set() }, hidden)]);

  expect(await tablesOf(one)).toEqual({
    annotations: [["note-a", false], ["note-b", true]],
    comments: [["comment-a", "words of a", false], ["comment-b", "words of b", true]],
    reactions: ["comment-b"],
  });
  expect(await tablesOf(two)).toEqual({
    annotations: [["note-a", true], ["note-c", true]],
    comments: [["comment-a", "words of a", true], ["comment-c", "words of c", true]],
    reactions: ["comment-c"],
  });
});

it("copies the other rooms' rows when one room's cannot be copied", async () => {
  const [one, two] = [await postgres.freshRoom(), await postgres.freshRoom()];
  const broken = threads(["x"]);
  // A comment whose annotation exists nowhere: its row breaks the foreign key, the rest of its room still goes in.
  broken.getMap(COMMENTS).set(entryKey(user.id, "comment-y"), comment("y", "an orphan"));
  const fine = threads(["z"]);
  await Promise.all([copy(one, broken, everything(broken)), copy(two, fine, everything(fine))]);
  expect((await tablesOf(one)).comments).toEqual([["comment-x", "words of x", true]]);
  expect((await tablesOf(two)).comments).toEqual([["comment-z", "words of z", true]]);
});

it("copies an instructor's placement, keeps where a note is shown when it is copied again on the same words, and removes the placement with its entry", async () => {
  const room = await postgres.freshRoom();
  const { db } = postgres.database;
  const doc = new Y.Doc();
  const key = entryKey(user.id, "note-p");
  const highlight = { id: "note-p", authorId: user.id, authorName: user.name, paragraphId, kind: "highlight", color: "yellow", createdAt: 1_700_000_000_000 };
  const words = (exact: string, start: number) => [
    { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
    { type: "TextPositionSelector", start, end: start + exact.length },
  ];
  doc.getMap(ANNOTATIONS).set(key, { ...highlight, selector: words("The", 0) });
  doc.getMap(ANCHORS).set("note-p", { id: "note-p", paragraphId, selector: words("Taliban", 4), byId: user.id, byName: user.name, at: 1_700_000_000_000 });
  await copy(room, doc, everything(doc));
  expect(await db.placement.findMany({ where: { roomId: room } })).toMatchObject([{ annotationId: "note-p", paragraphId, quote: "Taliban", start: 4, end: 11, byId: user.id }]);
  // A new note is shown where it was written, until lib/placements says otherwise.
  const shown = () => db.annotation.findUniqueOrThrow({ where: { roomId_id: { roomId: room, id: "note-p" } }, select: { shownParagraphId: true, shownStart: true, shownEnd: true, shownAs: true } });
  expect(await shown()).toEqual({ shownParagraphId: null, shownStart: null, shownEnd: null, shownAs: "stored" });

  await db.annotation.update({ where: { roomId_id: { roomId: room, id: "note-p" } }, data: { shownParagraphId: paragraphId, shownStart: 4, shownEnd: 11, shownAs: "placed" } });
  await copy(room, doc, everything(doc));
  expect(await shown()).toEqual({ shownParagraphId: paragraphId, shownStart: 4, shownEnd: 11, shownAs: "placed" });
  doc.getMap(ANNOTATIONS).set(key, { ...highlight, selector: words("Th", 0) });
  await copy(room, doc, everything(doc));
  expect(await shown()).toEqual({ shownParagraphId: null, shownStart: null, shownEnd: null, shownAs: "stored" });

  doc.getMap(ANCHORS).delete("note-p");
  await copy(room, doc, { annotations: new Set(), comments: new Set(), reactions: new Set(), anchors: new Set(["note-p"]) });
  expect(await db.placement.count({ where: { roomId: room } })).toBe(0);
});

import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { ANNOTATIONS, COMMENTS, HIDDEN, REACTIONS, RESOLVED, entryKey, type Annotation, type Comment } from "../doc/layout";
import { checkSet, type Writer } from "../doc/permissions";
import { readRoom } from "../doc/read";
import {
  AnnotateError,
  createHighlight,
  createParagraphComment,
  deleteAnnotation,
  deleteComment,
  editComment,
  hideComment,
  placeNote,
  react,
  reopenThread,
  reply,
  resolveThread,
  showComment,
  startThread,
  unreact,
  type WriteTarget,
} from "./annotate";

const ada: Writer = { id: "user-ada", name: "Ada", role: "student" };
const ben: Writer = { id: "user-ben", name: "Ben", role: "student" };
const teacher: Writer = { id: "user-tea", name: "Teacher", role: "instructor" };
const paragraph = { id: "para-one", text: "The victory of the Taliban was carefully prepared by Moscow." };
const words = "carefully prepared by Moscow";
const span = { start: paragraph.text.indexOf(words), end: paragraph.text.indexOf(words) + words.length };
const facts = { paragraphIds: new Set([paragraph.id]), tags: new Set(["archive"]), memberIds: new Set([ada.id, ben.id, teacher.id]) };

/** One room's document, as each member's client writes to it. */
function room() {
  const doc = new Y.Doc();
  const as = (writer: Writer): WriteTarget => ({ doc, writer, facts });
  return { doc, as, thread: () => readRoom(doc, [paragraph]).paragraphs.get(paragraph.id)!.threads[0]! };
}

function snapshot(doc: Y.Doc) {
  return JSON.stringify(doc.toJSON());
}

/** A thread by Ada with a reply by Ben, the usual starting point. */
function discussed() {
  const r = room();
  const mark = createHighlight(r.as(ada), { paragraphId: paragraph.id, paragraphText: paragraph.text, span, color: "green", comment: "Planned." });
  const opener = r.thread().opener!;
  const answer = reply(r.as(ben), { annotationId: mark.id, rootId: opener.id, body: "Because of Doha." });
  return { ...r, mark, opener, answer };
}

describe("annotate: creating", () => {
  it("writes a highlight with both selectors, under the author's key, accepted by the server's rule", () => {
    const { doc, as } = room();
    const annotation = createHighlight(as(ada), { paragraphId: paragraph.id, paragraphText: paragraph.text, span, color: "green" });
    const stored = doc.getMap(ANNOTATIONS).get(entryKey(ada.id, annotation.id));
    expect(stored).toEqual(annotation);
    expect(annotation.selector?.[0]).toMatchObject({ exact: words, prefix: "The victory of the Taliban was ", suffix: "." });
    expect(annotation.selector?.[1]).toMatchObject(span);
    expect(checkSet(ANNOTATIONS, entryKey(ada.id, annotation.id), stored, ada, facts)).toBeNull();
    expect(doc.getMap(COMMENTS).size).toBe(0);
  });

  it("writes a commented highlight and its first comment, with tags and mentions, in one transaction", () => {
    const { doc, as, thread } = room();
    let transactions = 0;
    doc.on("afterTransaction", () => transactions++);
    const annotation = createHighlight(as(ada), {
      paragraphId: paragraph.id,
      paragraphText: paragraph.text,
      span,
      color: "yellow",
      comment: { body: "  Planned, @Ben?  ", tags: ["question", "archive"], mentions: [ben.id] },
    });
    expect(transactions).toBe(1);
    expect(thread().annotation.id).toBe(annotation.id);
    expect(thread().opener).toMatchObject({ body: "Planned, @Ben?", parentId: null, authorName: "Ada", tags: ["question", "archive"], mentions: [ben.id] });
  });

  it("threads replies and first comments on a bare highlight by other readers", () => {
    const { as } = room();
    const doc = as(ada).doc;
    const bare = createHighlight(as(ada), { paragraphId: paragraph.id, paragraphText: paragraph.text, span, color: "pink" });
    const opener = startThread(as(ben), { annotationId: bare.id, body: "Why this?" });
    reply(as(ada), { annotationId: bare.id, rootId: opener.id, body: "Because of Doha.", tags: ["evidence"] });
    const note = createParagraphComment(as(ben), { paragraphId: paragraph.id, body: "Whole paragraph." });
    const view = readRoom(doc, [paragraph]).paragraphs.get(paragraph.id)!;
    expect(view.threads.map((t) => t.annotation.id)).toEqual([note.id, bare.id]);
    expect(view.threads[1]!.opener?.body).toBe("Why this?");
    expect(view.threads[1]!.replies.map((c) => [c.authorName, c.parentId, c.body, c.tags])).toEqual([["Ada", opener.id, "Because of Doha.", ["evidence"]]]);
  });

  it("refuses what the server would refuse, says why, and writes nothing", () => {
    const { doc, as } = room();
    const attempts: Array<[() => unknown, RegExp]> = [
      [() => createParagraphComment(as(ada), { paragraphId: paragraph.id, body: "   " }), /cannot be saved/],
      [() => createParagraphComment(as(ada), { paragraphId: "para-elsewhere", body: "Hi" }), /not part of this room's essay/],
      [() => reply(as({ id: "user-ada", name: "" }), { annotationId: "annotation-1", rootId: "comment-1", body: "Hi" }), /cannot be saved/],
      [() => createParagraphComment(as(ada), { paragraphId: paragraph.id, body: "Hi", tags: ["gossip"] }), /"gossip" is not one of this seminar's tags/],
      [() => createParagraphComment(as(ada), { paragraphId: paragraph.id, body: "Hi @Cleo", mentions: ["user-cleo"] }), /Only members of the seminar can be mentioned/],
      // In the reader's words, without the document's map names.
      [() => createParagraphComment(as(ada), { paragraphId: paragraph.id, body: "x".repeat(10_001) }), /^This note cannot be saved: A comment can be at most 10,000 characters long\.$/],
    ];
    for (const [attempt, message] of attempts) {
      expect(attempt).toThrow(AnnotateError);
      expect(attempt).toThrow(message);
    }
    expect(doc.getMap(ANNOTATIONS).size + doc.getMap(COMMENTS).size).toBe(0);
  });
});

describe("annotate: changing threads", () => {
  it("edits one's own comment, marked as edited, and refuses to edit someone else's", () => {
    const { as, thread, opener, answer } = discussed();
    const edited = editComment(as(ada), opener, { body: "Planned for years.", tags: ["key point"] });
    expect(edited.editedAt).toBeGreaterThanOrEqual(opener.createdAt);
    expect(thread().opener).toMatchObject({ body: "Planned for years.", tags: ["key point"], editedAt: edited.editedAt });
    expect(() => editComment(as(ada), answer, { body: "Ben agrees with Ada." })).toThrow(/only be written by their author/);
    expect(thread().replies[0]!.body).toBe("Because of Doha.");
  });

  it("deletes one's own reply; a deleted opener leaves its replies in place", () => {
    const { doc, as, thread, opener, answer } = discussed();
    expect(() => deleteComment(as(ben), opener)).toThrow(/only be deleted by their author/);
    deleteComment(as(ada), opener);
    expect(thread()).toMatchObject({ opener: null, openerDeleted: true, rootId: opener.id });
    expect(thread().replies.map((c) => c.id)).toEqual([answer.id]);
    deleteComment(as(ben), answer);
    expect(doc.getMap(COMMENTS).size).toBe(0);
  });

  it("deletes a note whole: one's own highlight together with its only comment", () => {
    const { doc, as } = room();
    const mark = createHighlight(as(ada), { paragraphId: paragraph.id, paragraphText: paragraph.text, span, color: "blue", comment: "Mine." });
    const opener = readRoom(doc, [paragraph]).paragraphs.get(paragraph.id)!.threads[0]!.opener!;
    deleteComment(as(ada), opener, mark);
    expect(doc.getMap(ANNOTATIONS).size + doc.getMap(COMMENTS).size).toBe(0);
    const bare = createHighlight(as(ada), { paragraphId: paragraph.id, paragraphText: paragraph.text, span, color: "blue" });
    expect(() => deleteAnnotation(as(ben), bare)).toThrow(/only be deleted by their author/);
    deleteAnnotation(as(ada), bare);
    expect(doc.getMap(ANNOTATIONS).size).toBe(0);
  });

  it("lets the thread's author and instructors resolve and reopen it, and no one else", () => {
    const { doc, as, thread, opener, answer } = discussed();
    const before = snapshot(doc);
    expect(() => resolveThread(as(ben), opener.id)).toThrow(/only the thread's author or an instructor can resolve it/i);
    expect(() => resolveThread(as(ada), answer.id)).toThrow(/only a thread's first comment can be resolved/i);
    expect(snapshot(doc)).toBe(before);
    resolveThread(as(ada), opener.id);
    expect(thread().resolved).toMatchObject({ byId: ada.id, byName: "Ada" });
    expect(() => reopenThread(as(ben), opener.id)).toThrow(AnnotateError);
    reopenThread(as(teacher), opener.id);
    expect(thread().resolved).toBeNull();
    resolveThread(as(teacher), opener.id);
    expect(doc.getMap(RESOLVED).get(opener.id)).toMatchObject({ byName: "Teacher" });
  });

  it("keeps one reaction per person: another kind replaces it, and it can be taken back", () => {
    const { doc, as, thread, opener } = discussed();
    react(as(ben), opener.id, "agree");
    react(as(teacher), opener.id, "agree");
    react(as(ben), opener.id, "insightful");
    expect(thread().opener!.reactions).toEqual([
      { kind: "agree", people: [{ id: teacher.id, name: "Teacher" }] },
      { kind: "insightful", people: [{ id: ben.id, name: "Ben" }] },
    ]);
    unreact(as(ben), opener.id);
    expect(thread().opener!.reactions).toEqual([{ kind: "agree", people: [{ id: teacher.id, name: "Teacher" }] }]);
    expect(() => react(as(ben), "no-such-comment", "thanks")).toThrow(/no such comment to react to/i);
    expect(doc.getMap(REACTIONS).size).toBe(1);
  });

  it("lets instructors hide a comment and show it again; students cannot", () => {
    const { doc, as, thread, answer } = discussed();
    expect(() => hideComment(as(ada), answer.id)).toThrow(/only instructors can hide comments/i);
    expect(doc.getMap(HIDDEN).size).toBe(0);
    hideComment(as(teacher), answer.id);
    expect(thread().replies[0]!.hidden).toMatchObject({ byId: teacher.id, byName: "Teacher" });
    expect(() => showComment(as(ben), answer.id)).toThrow(/only instructors can hide comments/i);
    showComment(as(teacher), answer.id);
    expect(thread().replies[0]!.hidden).toBeNull();
    expect(() => hideComment(as(teacher), "no-such-comment")).toThrow(/no such comment/i);
  });

  it("in a private room, the owner resolves their own note but nothing goes beyond the built-in tags", () => {
    const doc = new Y.Doc();
    const owner: WriteTarget = { doc, writer: { ...ada, role: "owner" }, facts: { paragraphIds: facts.paragraphIds, tags: new Set() } };
    expect(() => createParagraphComment(owner, { paragraphId: paragraph.id, body: "Note", tags: ["archive"] })).toThrow(/not one of this seminar's tags/);
    createParagraphComment(owner, { paragraphId: paragraph.id, body: "Note", tags: ["question"] });
    const opener = readRoom(doc, [paragraph], { private: true }).paragraphs.get(paragraph.id)!.threads[0]!.opener as Comment;
    resolveThread(owner, opener.id);
    expect(() => hideComment(owner, opener.id)).toThrow(/only instructors/i);
    expect([...doc.getMap<Annotation>(ANNOTATIONS).values()]).toHaveLength(1);
  });
});

describe("annotate: placing a note after a revision", () => {
  it("lets an instructor place a note on words, and nobody else; a reader then sees it there", () => {
    const { doc, as } = room();
    const note = createHighlight(as(ada), { paragraphId: paragraph.id, paragraphText: paragraph.text, span: { start: 0, end: 5 }, color: "yellow" });
    const words = { start: 6, end: 12 };
    expect(() => placeNote(as(ada), { annotationId: note.id, paragraphId: paragraph.id, paragraphText: paragraph.text, span: words })).toThrow(/Only instructors re-attach notes/);
    placeNote(as(teacher), { annotationId: note.id, paragraphId: paragraph.id, paragraphText: paragraph.text, span: words });
    const thread = readRoom(doc, [paragraph]).paragraphs.get(paragraph.id)!.threads[0]!;
    expect(thread.span).toEqual(words);
    expect(thread.placedBy).toBe(teacher.name);
    expect(() => placeNote(as(teacher), { annotationId: "no-such-note", paragraphId: paragraph.id, paragraphText: paragraph.text, span: words })).toThrow(/No such note/);
  });
});

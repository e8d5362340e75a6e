import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { selectorsFor } from "./anchor";
import { ANNOTATIONS, COMMENTS, HIDDEN, REACTIONS, RESOLVED, entryKey, type Annotation, type Comment, type ReactionKind } from "./layout";
import { allThreads, mergeRoomViews, readRoom, segmentText } from "./read";

const paragraphs = [
  { id: "para-one", text: "The victory of the Taliban was carefully prepared by Moscow." },
  { id: "para-two", text: "Both sides jumped at the opportunity, and this was a logical move." },
];
const ada = { authorId: "user-ada", authorName: "Ada" };
const ben = { authorId: "user-ben", authorName: "Ben" };

function highlight(id: string, paragraph: (typeof paragraphs)[number], words: string, at: number, who = ada): Annotation {
  const start = paragraph.text.indexOf(words);
  return {
    id, ...who, paragraphId: paragraph.id, kind: "highlight", color: "yellow",
    selector: selectorsFor(paragraph.text, { start, end: start + words.length }), createdAt: at,
  };
}

function paragraphNote(id: string, paragraphId: string, at: number, who = ada): Annotation {
  return { id, ...who, paragraphId, kind: "paragraph", color: null, selector: null, createdAt: at };
}

function comment(id: string, annotationId: string, parentId: string | null, at: number, who = ada): Comment {
  return { id, ...who, annotationId, parentId, body: `body of ${id}`, createdAt: at, editedAt: null };
}

function docWith(annotations: Annotation[], comments: Comment[] = []): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const a of annotations) doc.getMap(ANNOTATIONS).set(entryKey(a.authorId, a.id), a);
    for (const c of comments) doc.getMap(COMMENTS).set(entryKey(c.authorId, c.id), c);
  });
  return doc;
}

describe("readRoom", () => {
  it("anchors highlights and threads their comments, opener first, replies in time order", () => {
    const doc = docWith(
      [highlight("hl-moscow", paragraphs[0], "prepared by Moscow", 100)],
      [
        comment("reply-late", "hl-moscow", "root-1", 300, ben),
        comment("root-1", "hl-moscow", null, 100),
        comment("reply-early", "hl-moscow", "root-1", 200, ben),
      ],
    );
    const view = readRoom(doc, paragraphs).paragraphs.get("para-one")!;
    expect(view.highlights).toHaveLength(1);
    const { start, end } = view.highlights[0];
    expect(paragraphs[0].text.slice(start, end)).toBe("prepared by Moscow");
    expect(view.threads).toHaveLength(1);
    expect(view.threads[0].opener?.id).toBe("root-1");
    expect(view.threads[0].replies.map((c) => c.id)).toEqual(["reply-early", "reply-late"]);
    expect(readRoom(doc, paragraphs).unanchored).toEqual([]);
    expect(readRoom(doc, paragraphs).paragraphs.get("para-two")).toEqual({ highlights: [], threads: [] });
    expect(view.threads[0]).toMatchObject({ rootId: "root-1", openerDeleted: false, resolved: null, private: false, review: null, unanchored: null });
  });

  it("orders a paragraph's threads: paragraph comments first, then highlights in reading order", () => {
    const doc = docWith([
      highlight("hl-late-words", paragraphs[1], "logical move", 100),
      highlight("hl-early-words", paragraphs[1], "Both sides", 300),
      paragraphNote("whole-para", "para-two", 200),
    ]);
    const view = readRoom(doc, paragraphs).paragraphs.get("para-two")!;
    expect(view.threads.map((t) => t.annotation.id)).toEqual(["whole-para", "hl-early-words", "hl-late-words"]);
    expect(view.highlights.map((h) => h.annotation.id)).toEqual(["hl-early-words", "hl-late-words"]);
    expect(view.threads[0].span).toBeNull();
  });

  it("keeps a bare highlight as a thread without opener", () => {
    const view = readRoom(docWith([highlight("hl-bare", paragraphs[0], "Taliban", 1)]), paragraphs).paragraphs.get("para-one")!;
    expect(view.threads[0]).toMatchObject({ opener: null, replies: [], rootId: null, openerDeleted: false });
  });

  it("lists highlights whose words are gone as unanchored, with the reason, instead of dropping them", () => {
    const doc = docWith([highlight("hl-moscow", paragraphs[0], "prepared by Moscow", 1)], [comment("root-1", "hl-moscow", null, 2)]);
    const edited = [{ id: "para-one", text: "The victory of the Taliban was a surprise." }, paragraphs[1]];
    const room = readRoom(doc, edited);
    const view = room.paragraphs.get("para-one")!;
    expect(view.highlights).toEqual([]);
    expect(view.threads).toEqual([]);
    expect(room.unanchored.map((t) => [t.annotation.id, t.opener?.id, t.unanchored])).toEqual([["hl-moscow", "root-1", "the quoted words were deleted"]]);
  });

  it("collects notes on paragraphs missing from the essay in the same unanchored list", () => {
    const doc = docWith([paragraphNote("lost-note", "para-gone", 1), highlight("lost-words", { id: "para-gone", text: "Gone with the words" }, "with the words", 2)]);
    expect(readRoom(doc, paragraphs).unanchored.map((t) => [t.annotation.id, t.unanchored])).toEqual([
      ["lost-note", "the paragraph was removed"],
      ["lost-words", "the paragraph was removed"],
    ]);
  });

  it("shows a highlight whose words a split moved beside the paragraph that holds them now", () => {
    const doc = docWith([highlight("hl-moscow", paragraphs[0], "carefully prepared by Moscow", 1)], [comment("root-1", "hl-moscow", null, 2)]);
    const split = [
      { id: "para-one", text: "The victory of the Taliban was a surprise to many." },
      { id: "para-new", text: "But it was carefully prepared by Moscow." },
      paragraphs[1],
    ];
    const room = readRoom(doc, split);
    expect(room.paragraphs.get("para-one")!.threads).toEqual([]);
    const [thread] = room.paragraphs.get("para-new")!.threads;
    expect(split[1]!.text.slice(thread!.span!.start, thread!.span!.end)).toBe("carefully prepared by Moscow");
    expect(room.paragraphs.get("para-new")!.highlights.map((h) => h.annotation.id)).toEqual(["hl-moscow"]);
    // Its old prefix ("...carefully ") is gone, so it is placed with less than full confidence but not flagged.
    expect(thread).toMatchObject({ opener: { id: "root-1" }, unanchored: null, shownBeside: "para-new" });
    expect(room.unanchored).toEqual([]);
  });

  it("marks a highlight placed with low confidence after a revision, so the card can ask for a check", () => {
    const doc = docWith([highlight("hl-moscow", paragraphs[0], "carefully prepared by Moscow", 1)]);
    const rewritten = [paragraphs[0], { id: "para-two", text: "Nobody doubts it was carefully prepared by Moscow, they say." }];
    const [thread] = readRoom(doc, [{ id: "para-one", text: "Nothing here now." }, rewritten[1]!]).paragraphs.get("para-two")!.threads;
    expect(thread!.review).toBe("the words were found in another paragraph, without their old surroundings");
  });

  it("shows a second thread root written concurrently after the first, never hiding it", () => {
    const doc = docWith(
      [highlight("hl-bare", paragraphs[0], "Taliban", 1)],
      [comment("root-ben", "hl-bare", null, 20, ben), comment("root-ada", "hl-bare", null, 10)],
    );
    const thread = readRoom(doc, paragraphs).paragraphs.get("para-one")!.threads[0];
    expect(thread.opener?.id).toBe("root-ada");
    expect(thread.replies.map((c) => c.id)).toEqual(["root-ben"]);
  });

  it("never lets someone else's first comment open a thread, however early it claims to be", () => {
    const doc = docWith(
      [highlight("hl-ada", paragraphs[0], "Taliban", 5)],
      [comment("root-ada", "hl-ada", null, 10), comment("root-ben", "hl-ada", null, 0, ben)],
    );
    const thread = readRoom(doc, paragraphs).paragraphs.get("para-one")!.threads[0];
    expect(thread.opener?.id).toBe("root-ada");
    expect(thread.replies.map((c) => c.id)).toEqual(["root-ben"]);
    expect(thread.rootId).toBe("root-ada");
  });

  it("skips entries that do not match the layout or whose key names another author", () => {
    const doc = docWith([highlight("hl-okay", paragraphs[0], "Taliban", 1)]);
    doc.getMap(ANNOTATIONS).set("user-ben:hl-forged", { ...highlight("hl-forged", paragraphs[0], "Moscow", 2), authorId: "user-ada" });
    doc.getMap(ANNOTATIONS).set("user-ada:junk-entry", { id: "junk-entry", nonsense: true });
    doc.getMap(COMMENTS).set("not-a-key", comment("root-x", "hl-okay", null, 3));
    const view = readRoom(doc, paragraphs).paragraphs.get("para-one")!;
    expect(view.threads.map((t) => t.annotation.id)).toEqual(["hl-okay"]);
    expect(view.threads[0].opener).toBeNull();
  });

  it("follows changes made by another peer", () => {
    const doc = docWith([]);
    const peer = new Y.Doc();
    peer.getMap(COMMENTS).set(entryKey(ben.authorId, "root-ben"), comment("root-ben", "hl-bare", null, 2, ben));
    peer.getMap(ANNOTATIONS).set(entryKey(ben.authorId, "hl-bare"), highlight("hl-bare", paragraphs[1], "logical", 1, ben));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    const thread = readRoom(doc, paragraphs).paragraphs.get("para-two")!.threads[0];
    expect(thread.annotation.authorName).toBe("Ben");
    expect(thread.opener?.body).toBe("body of root-ben");
  });
});

function react(doc: Y.Doc, who: { authorId: string; authorName: string }, commentId: string, reaction: ReactionKind, at: number) {
  doc.getMap(REACTIONS).set(entryKey(who.authorId, commentId), { id: commentId, ...who, reaction, createdAt: at });
}
const teacher = { authorId: "user-tea", authorName: "Teacher" };
const moderation = (id: string, by = teacher, at = 5) => ({ id, byId: by.authorId, byName: by.authorName, at });

describe("readRoom: what members did to comments", () => {
  const threadOf = (doc: Y.Doc) => readRoom(doc, paragraphs).paragraphs.get("para-one")!.threads[0]!;
  const setup = () =>
    docWith(
      [highlight("hl-moscow", paragraphs[0], "prepared by Moscow", 1)],
      [comment("root-1", "hl-moscow", null, 2), comment("reply-1", "hl-moscow", "root-1", 3, ben)],
    );

  it("fills in tags and mentions, empty for comments written before they existed", () => {
    const doc = setup();
    doc.getMap(COMMENTS).set(entryKey(ben.authorId, "reply-1"), { ...comment("reply-1", "hl-moscow", "root-1", 3, ben), tags: ["evidence"], mentions: ["user-ada"] });
    const thread = threadOf(doc);
    expect(thread.opener).toMatchObject({ tags: [], mentions: [] });
    expect(thread.replies[0]).toMatchObject({ tags: ["evidence"], mentions: ["user-ada"] });
  });

  it("counts reactions per kind with who reacted, one per person, in the order they did", () => {
    const doc = setup();
    const cleo = { authorId: "user-cleo", authorName: "Cleo" };
    react(doc, ben, "root-1", "insightful", 10);
    react(doc, cleo, "root-1", "insightful", 5);
    react(doc, teacher, "root-1", "question", 7);
    react(doc, ada, "reply-1", "thanks", 8);
    // Ben changes his mind: the same key, so it replaces his first reaction.
    react(doc, ben, "root-1", "agree", 12);
    const thread = threadOf(doc);
    expect(thread.opener!.reactions).toEqual([
      { kind: "agree", people: [{ id: "user-ben", name: "Ben" }] },
      { kind: "insightful", people: [{ id: "user-cleo", name: "Cleo" }] },
      { kind: "question", people: [{ id: "user-tea", name: "Teacher" }] },
    ]);
    expect(thread.replies[0]!.reactions).toEqual([{ kind: "thanks", people: [{ id: "user-ada", name: "Ada" }] }]);
  });

  it("marks hidden comments and resolved threads with who did it, and forgets them when undone", () => {
    const doc = setup();
    doc.getMap(HIDDEN).set("reply-1", moderation("reply-1"));
    doc.getMap(RESOLVED).set("root-1", moderation("root-1", ada, 9));
    let thread = threadOf(doc);
    expect(thread.replies[0]!.hidden).toEqual({ id: "reply-1", byId: "user-tea", byName: "Teacher", at: 5 });
    expect(thread.opener!.hidden).toBeNull();
    expect(thread.resolved).toMatchObject({ byName: "Ada", at: 9 });
    doc.getMap(HIDDEN).delete("reply-1");
    doc.getMap(RESOLVED).delete("root-1");
    thread = threadOf(doc);
    expect(thread.replies[0]!.hidden).toBeNull();
    expect(thread.resolved).toBeNull();
  });

  it("ignores moderation entries whose key does not name their comment", () => {
    const doc = setup();
    doc.getMap(HIDDEN).set("root-1", moderation("reply-1"));
    doc.getMap(RESOLVED).set("root-1", { id: "root-1", nonsense: true });
    const thread = threadOf(doc);
    expect(thread.opener!.hidden).toBeNull();
    expect(thread.replies[0]!.hidden).toBeNull();
    expect(thread.resolved).toBeNull();
  });

  it("keeps the replies of a deleted opener, and says the opener was deleted", () => {
    const doc = setup();
    doc.getMap(COMMENTS).delete(entryKey(ada.authorId, "root-1"));
    const thread = threadOf(doc);
    expect(thread).toMatchObject({ opener: null, openerDeleted: true, rootId: "root-1" });
    expect(thread.replies.map((c) => c.id)).toEqual(["reply-1"]);
  });

  it("turns back into a bare highlight when its only comment is deleted", () => {
    const doc = docWith([highlight("hl-moscow", paragraphs[0], "prepared by Moscow", 1)], [comment("root-1", "hl-moscow", null, 2, ben)]);
    doc.getMap(COMMENTS).delete(entryKey(ben.authorId, "root-1"));
    expect(threadOf(doc)).toMatchObject({ opener: null, openerDeleted: false, rootId: null, replies: [] });
  });
});

describe("mergeRoomViews", () => {
  it("shows private notes in the same margin, in reading order, each marked with the room it came from", () => {
    const shared = docWith(
      [highlight("hl-late", paragraphs[0], "Moscow", 1, ben), paragraphNote("whole-note", "para-one", 3, ben)],
      [comment("root-late", "hl-late", null, 2, ben)],
    );
    const notes = docWith([highlight("hl-early", paragraphs[0], "victory", 2), paragraphNote("lost-note", "para-gone", 4)]);
    const merged = mergeRoomViews(readRoom(shared, paragraphs), readRoom(notes, paragraphs, { private: true }));
    const view = merged.paragraphs.get("para-one")!;
    expect(view.threads.map((t) => [t.annotation.id, t.private])).toEqual([["whole-note", false], ["hl-early", true], ["hl-late", false]]);
    expect(view.highlights.map((h) => [h.annotation.id, h.private])).toEqual([["hl-early", true], ["hl-late", false]]);
    expect(merged.unanchored.map((t) => [t.annotation.id, t.private])).toEqual([["lost-note", true]]);
    expect(allThreads(merged, paragraphs).map((t) => t.annotation.id)).toEqual(["whole-note", "hl-early", "hl-late", "lost-note"]);
  });
});

describe("segmentText", () => {
  const text = "abcdefghij";
  const at = (id: string, start: number, end: number, createdAt: number) => ({
    annotation: { ...highlight(id, paragraphs[0], "Taliban", createdAt) },
    start,
    end,
  });

  it("returns the whole text as one plain segment without highlights", () => {
    expect(segmentText(text, [])).toEqual([{ start: 0, end: 10, text, annotations: [] }]);
  });

  it("splits overlapping highlights into runs that know every highlight covering them", () => {
    const segments = segmentText(text, [at("first", 2, 6, 1), at("second", 4, 8, 2)]);
    expect(segments.map((s) => [s.text, s.annotations.map((a) => a.id)])).toEqual([
      ["ab", []],
      ["cd", ["first"]],
      ["ef", ["first", "second"]],
      ["gh", ["second"]],
      ["ij", []],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("handles a highlight nested in another and one covering the whole text", () => {
    const segments = segmentText(text, [at("outer", 0, 10, 1), at("inner", 3, 5, 2)]);
    expect(segments.map((s) => [s.text, s.annotations.length])).toEqual([["abc", 1], ["de", 2], ["fghij", 1]]);
  });
});

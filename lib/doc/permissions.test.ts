import { describe, expect, it } from "vitest";
import { comment, highlight } from "../../tests/helpers/entries";
import { ANNOTATIONS, COMMENTS, HIDDEN, REACTIONS, RESOLVED, entryKey } from "./layout";
import { checkDelete, checkSet, type RoomFacts, type Writer } from "./permissions";

const ada: Writer = { id: "user_ada_0001", name: "Ada", role: "student" };
const ben: Writer = { id: "user_ben_0002", name: "Ben", role: "student" };
const teacher: Writer = { id: "user_tea_0003", name: "Teacher", role: "instructor" };
const paragraph = { id: "para_000001", text: "The victory of the Taliban was carefully prepared by Moscow." };
const NOW = 1_800_000_000_000;
const annotation = { id: "annot_0001", authorId: ada.id, createdAt: NOW - 60_000 };
const root = { ...comment(ada, annotation.id, "Why Moscow?"), createdAt: NOW - 50_000 };
const reply = { ...comment(ben, annotation.id, "Because of Doha.", root.id), createdAt: NOW - 40_000 };
/** Ben's first comment on Ada's highlight: a second root, which never takes her thread over. */
const benRoot = { ...comment(ben, annotation.id, "I was here first."), createdAt: NOW - 55_000 };
const gone = { id: "gone_comment1", authorId: ben.id };
const facts: RoomFacts = {
  paragraphIds: new Set([paragraph.id]),
  comment: (id) => {
    if (id === gone.id) return { deleted: true, authorId: gone.authorId };
    const c = [root, reply, benRoot].find((c) => c.id === id);
    return c && { deleted: false, ...c };
  },
  annotation: (id) => (id === annotation.id ? annotation : undefined),
  openerOf: (id) => (id === annotation.id ? root.id : undefined),
  entryAuthor: (_map, id) => [annotation, root, reply, benRoot, gone].find((e) => e.id === id)?.authorId,
  current: () => undefined,
  now: NOW,
  tags: new Set(["archive"]),
  memberIds: new Set([ada.id, ben.id, teacher.id]),
};
const moderation = (by: Writer, id = root.id) => ({ id, byId: by.id, byName: by.name, at: NOW });
const allowed = null;

describe("write rules", () => {
  it("a reader writes entries under their own key and name", () => {
    const mark = highlight(ada, paragraph, "Moscow");
    expect(checkSet(ANNOTATIONS, entryKey(ada.id, mark.id), mark, ada, facts)).toBe(allowed);
  });
  it("no one writes under another reader's key", () => {
    const mark = highlight(ada, paragraph, "Moscow");
    expect(checkSet(ANNOTATIONS, entryKey(ada.id, mark.id), mark, ben, facts)).not.toBe(allowed);
  });
  it("the value's author and id must match the key", () => {
    const mark = highlight(ada, paragraph, "Moscow");
    expect(checkSet(ANNOTATIONS, entryKey(ben.id, mark.id), mark, ben, facts)).not.toBe(allowed);
    expect(checkSet(ANNOTATIONS, entryKey(ada.id, "other_id_01"), mark, ada, facts)).not.toBe(allowed);
  });
  it("the author's name is the writer's own", () => {
    const mark = { ...highlight(ada, paragraph, "Moscow"), authorName: "Teacher" };
    expect(checkSet(ANNOTATIONS, entryKey(ada.id, mark.id), mark, ada, facts)).not.toBe(allowed);
  });
  it("annotations target a paragraph of the room's essay", () => {
    const mark = highlight(ada, { ...paragraph, id: "para_elsewhere" }, "Moscow");
    expect(checkSet(ANNOTATIONS, entryKey(ada.id, mark.id), mark, ada, facts)).not.toBe(allowed);
  });
  it("values must fit the layout", () => {
    expect(checkSet(COMMENTS, entryKey(ada.id, root.id), { ...root, body: "" }, ada, facts)).not.toBe(allowed);
    expect(checkSet(COMMENTS, entryKey(ada.id, root.id), { ...root, extra: 1 }, ada, facts)).not.toBe(allowed);
    expect(checkSet("grades", entryKey(ada.id, root.id), root, ada, facts)).not.toBe(allowed);
  });
  it("tags come from the built-in set or the seminar's own", () => {
    expect(checkSet(COMMENTS, entryKey(ada.id, root.id), { ...root, tags: ["question", "archive"] }, ada, facts)).toBe(allowed);
    expect(checkSet(COMMENTS, entryKey(ada.id, root.id), { ...root, tags: ["gossip"] }, ada, facts)).not.toBe(allowed);
  });
  it("mentions name members of the seminar", () => {
    expect(checkSet(COMMENTS, entryKey(ada.id, root.id), { ...root, mentions: [ben.id] }, ada, facts)).toBe(allowed);
    expect(checkSet(COMMENTS, entryKey(ada.id, root.id), { ...root, mentions: ["user_outside1"] }, ada, facts)).not.toBe(allowed);
  });
  it("a reaction is one per reader per existing comment, in the reader's name", () => {
    const reaction = { id: root.id, authorId: ben.id, authorName: ben.name, reaction: "agree", createdAt: NOW };
    expect(checkSet(REACTIONS, entryKey(ben.id, root.id), reaction, ben, facts)).toBe(allowed);
    expect(checkSet(REACTIONS, entryKey(ben.id, root.id), reaction, ada, facts)).not.toBe(allowed);
    expect(checkSet(REACTIONS, entryKey(ben.id, "no_such_comment"), { ...reaction, id: "no_such_comment" }, ben, facts)).not.toBe(allowed);
    expect(checkSet(REACTIONS, entryKey(ben.id, root.id), { ...reaction, reaction: "angry" }, ben, facts)).not.toBe(allowed);
  });
  it("only instructors hide or show comments", () => {
    expect(checkSet(HIDDEN, root.id, moderation(teacher), teacher, facts)).toBe(allowed);
    expect(checkSet(HIDDEN, root.id, moderation(ada), ada, facts)).not.toBe(allowed);
    expect(checkDelete(HIDDEN, root.id, teacher, facts)).toBe(allowed);
    expect(checkDelete(HIDDEN, root.id, ben, facts)).not.toBe(allowed);
  });
  it("a thread is resolved by its author or an instructor", () => {
    expect(checkSet(RESOLVED, root.id, moderation(ada), ada, facts)).toBe(allowed);
    expect(checkSet(RESOLVED, root.id, moderation(teacher), teacher, facts)).toBe(allowed);
    expect(checkSet(RESOLVED, root.id, moderation(ben), ben, facts)).not.toBe(allowed);
    expect(checkSet(RESOLVED, reply.id, moderation(ben, reply.id), ben, facts)).not.toBe(allowed);
  });
  it("someone else's first comment on a highlight does not make them the thread's author", () => {
    expect(checkSet(RESOLVED, benRoot.id, moderation(ben, benRoot.id), ben, facts)).not.toBe(allowed);
    expect(checkSet(RESOLVED, benRoot.id, moderation(teacher, benRoot.id), teacher, facts)).toBe(allowed);
  });
  it("moderation and reactions that race a comment's deletion are allowed; on comments that never were, not", () => {
    expect(checkSet(RESOLVED, gone.id, moderation(ben, gone.id), ben, facts)).toBe(allowed);
    expect(checkSet(HIDDEN, gone.id, moderation(teacher, gone.id), teacher, facts)).toBe(allowed);
    const reaction = { id: gone.id, authorId: ada.id, authorName: ada.name, reaction: "agree", createdAt: NOW };
    expect(checkSet(REACTIONS, entryKey(ada.id, gone.id), reaction, ada, facts)).toBe(allowed);
    expect(checkSet(HIDDEN, "never_existed", moderation(teacher, "never_existed"), teacher, facts)).not.toBe(allowed);
  });
  it("moderation is recorded in the moderator's own name", () => {
    expect(checkSet(HIDDEN, root.id, moderation(ada), teacher, facts)).not.toBe(allowed);
  });
  it("an id taken by another author's entry cannot be reused, not even under one's own key", () => {
    const decoy = { ...comment(ben, annotation.id, "Decoy"), id: root.id, createdAt: NOW };
    expect(checkSet(COMMENTS, entryKey(ben.id, root.id), decoy, ben, facts)).not.toBe(allowed);
    const deletedDecoy = { ...decoy, id: gone.id, authorId: ada.id, authorName: ada.name };
    expect(checkSet(COMMENTS, entryKey(ada.id, gone.id), deletedDecoy, ada, facts)).not.toBe(allowed);
    expect(checkSet(COMMENTS, entryKey(ada.id, root.id), { ...root, body: "Edited" }, ada, facts)).toBe(allowed);
  });
  it("no client writes a withheld stub: only the server withholds a hidden comment's text", () => {
    const stub = { ...root, body: "", tags: [], mentions: [], withheld: true };
    expect(checkSet(COMMENTS, entryKey(ada.id, root.id), stub, ada, facts)).not.toBe(allowed);
  });
  it("times are bounded: not past the server's clock by more than a minute, not before what they answer", () => {
    const at = (createdAt: number) => ({ ...reply, createdAt });
    expect(checkSet(COMMENTS, entryKey(ben.id, reply.id), at(NOW + 30_000), ben, facts)).toBe(allowed);
    expect(checkSet(COMMENTS, entryKey(ben.id, reply.id), at(NOW + 120_000), ben, facts)).not.toBe(allowed);
    expect(checkSet(COMMENTS, entryKey(ben.id, reply.id), at(0), ben, facts)).not.toBe(allowed);
    expect(checkSet(COMMENTS, entryKey(ben.id, reply.id), at(root.createdAt - 1), ben, facts)).not.toBe(allowed);
    const rootBeforeItsHighlight = { ...root, createdAt: annotation.createdAt - 1 };
    expect(checkSet(COMMENTS, entryKey(ada.id, root.id), rootBeforeItsHighlight, ada, facts)).not.toBe(allowed);
    expect(checkSet(HIDDEN, root.id, { ...moderation(teacher), at: root.createdAt - 1 }, teacher, facts)).not.toBe(allowed);
    const futureMark = { ...highlight(ada, paragraph, "Moscow"), createdAt: NOW + 120_000 };
    expect(checkSet(ANNOTATIONS, entryKey(ada.id, futureMark.id), futureMark, ada, facts)).not.toBe(allowed);
  });
  it("an edit keeps the time its entry was created and is not timed before it", () => {
    const withCurrent: RoomFacts = { ...facts, current: (_map, key) => (key === entryKey(ada.id, root.id) ? root : undefined) };
    const edit = { ...root, body: "Why Moscow, really?", editedAt: NOW };
    expect(checkSet(COMMENTS, entryKey(ada.id, root.id), edit, ada, withCurrent)).toBe(allowed);
    expect(checkSet(COMMENTS, entryKey(ada.id, root.id), { ...edit, createdAt: NOW - 1000 }, ada, withCurrent)).not.toBe(allowed);
    expect(checkSet(COMMENTS, entryKey(ada.id, root.id), { ...edit, editedAt: root.createdAt - 1 }, ada, withCurrent)).not.toBe(allowed);
  });
  it("readers delete only their own entries", () => {
    expect(checkDelete(COMMENTS, entryKey(ada.id, root.id), ada, facts)).toBe(allowed);
    expect(checkDelete(COMMENTS, entryKey(ada.id, root.id), ben, facts)).not.toBe(allowed);
    expect(checkDelete(COMMENTS, entryKey(ada.id, root.id), teacher, facts)).not.toBe(allowed);
  });
});

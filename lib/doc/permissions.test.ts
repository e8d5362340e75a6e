import { describe, expect, it } from "vitest";
import { comment, highlight } from "../../tests/helpers/entries";
import { ANNOTATIONS, COMMENTS, HIDDEN, REACTIONS, RESOLVED, entryKey } from "./layout";
import { checkDelete, checkSet, type RoomFacts, type Writer } from "./permissions";

const ada: Writer = { id: "user_ada_0001", name: "Ada", role: "student" };
const ben: Writer = { id: "user_ben_0002", name: "Ben", role: "student" };
const teacher: Writer = { id: "user_tea_0003", name: "Teacher", role: "instructor" };
const paragraph = { id: "para_000001", text: "The victory of the Taliban was carefully prepared by Moscow." };
const root = comment(ada, "annot_0001", "Why Moscow?");
const reply = comment(ben, "annot_0001", "Because of Doha.", root.id);
const facts: RoomFacts = {
  paragraphIds: new Set([paragraph.id]),
  comment: (id) => [root, reply].find((c) => c.id === id),
  tags: new Set(["archive"]),
  memberIds: new Set([ada.id, ben.id, teacher.id]),
};
const moderation = (by: Writer, id = root.id) => ({ id, byId: by.id, byName: by.name, at: 1 });
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
    const reaction = { id: root.id, authorId: ben.id, authorName: ben.name, reaction: "agree", createdAt: 1 };
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
  it("moderation is recorded in the moderator's own name", () => {
    expect(checkSet(HIDDEN, root.id, moderation(ada), teacher, facts)).not.toBe(allowed);
  });
  it("readers delete only their own entries", () => {
    expect(checkDelete(COMMENTS, entryKey(ada.id, root.id), ada, facts)).toBe(allowed);
    expect(checkDelete(COMMENTS, entryKey(ada.id, root.id), ben, facts)).not.toBe(allowed);
    expect(checkDelete(COMMENTS, entryKey(ada.id, root.id), teacher, facts)).not.toBe(allowed);
  });
});

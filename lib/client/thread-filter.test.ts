import { describe, expect, it } from "vitest";
import type { Annotation } from "../doc/layout";
import type { CommentView, Thread } from "../doc/read";
import { NO_FILTER, activeFilterCount, matchesFilter, type ThreadFilter } from "./thread-filter";

const annotation = (id: string, authorId: string, color: Annotation["color"], exact: string | null): Annotation => ({
  id,
  authorId,
  authorName: authorId,
  paragraphId: "para-one",
  kind: exact ? "highlight" : "paragraph",
  color,
  selector: exact
    ? [
        { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
        { type: "TextPositionSelector", start: 0, end: exact.length },
      ]
    : null,
  createdAt: 1,
});
const comment = (id: string, authorId: string, body: string, extra: Partial<CommentView> = {}): CommentView => ({
  id,
  authorId,
  authorName: authorId,
  annotationId: "x",
  parentId: null,
  body,
  createdAt: 1,
  editedAt: null,
  tags: [],
  mentions: [],
  hidden: null,
  reactions: [],
  ...extra,
});
const thread = (a: Annotation, opener: CommentView | null, replies: CommentView[] = [], extra: Partial<Thread> = {}): Thread => ({
  annotation: a,
  opener,
  openerDeleted: false,
  rootId: opener?.id ?? null,
  replies,
  span: null,
  review: null,
  unanchored: null,
  shownBeside: null,
  placedBy: null,
  resolved: null,
  private: false,
  ...extra,
});

const hiddenBy = { id: "c", byId: "teacher", byName: "Teacher", at: 1 };
const threads = {
  adaYellow: thread(annotation("t1", "ada", "yellow", "prepared by Moscow"), comment("c1", "ada", "Planned for years", { tags: ["question"] }), [comment("c2", "ben", "Doha was the channel")]),
  benGreen: thread(annotation("t2", "ben", "green", "Café society"), comment("c3", "ben", "A sideline", { hidden: hiddenBy, tags: ["evidence"] }), [], { resolved: hiddenBy }),
  adaPrivate: thread(annotation("t3", "ada", null, null), comment("c4", "ada", "Ask in class"), [], { private: true }),
};
const student = { id: "ada", seesHidden: false };
const instructor = { id: "teacher", seesHidden: true };
const matching = (filter: Partial<ThreadFilter>, viewer = student) =>
  Object.entries(threads)
    .filter(([, t]) => matchesFilter(t, { ...NO_FILTER, ...filter }, viewer))
    .map(([name]) => name);

describe("matchesFilter", () => {
  it("shows everything without filters", () => {
    expect(matching({})).toEqual(["adaYellow", "benGreen", "adaPrivate"]);
    expect(activeFilterCount(NO_FILTER)).toBe(0);
  });
  it("filters by member taking part, by tag, by colour, unresolved, mine and private", () => {
    expect(matching({ memberId: "ben" })).toEqual(["adaYellow", "benGreen"]);
    expect(matching({ tag: "question" })).toEqual(["adaYellow"]);
    expect(matching({ color: "green" })).toEqual(["benGreen"]);
    expect(matching({ unresolved: true })).toEqual(["adaYellow", "adaPrivate"]);
    expect(matching({ mine: true })).toEqual(["adaYellow", "adaPrivate"]);
    expect(matching({ private: true })).toEqual(["adaPrivate"]);
    expect(matching({ mine: true, tag: "question", color: "yellow" })).toEqual(["adaYellow"]);
    expect(activeFilterCount({ ...NO_FILTER, mine: true, tag: "question", query: " x " })).toBe(3);
  });
  it("searches quotes and comment bodies, ignoring case and accents", () => {
    expect(matching({ query: "MOSCOW" })).toEqual(["adaYellow"]);
    expect(matching({ query: "doha" })).toEqual(["adaYellow"]);
    expect(matching({ query: "cafe" })).toEqual(["benGreen"]);
    expect(matching({ query: "nowhere" })).toEqual([]);
  });
  it("never finds a hidden comment's text or tags for students, but does for instructors", () => {
    expect(matching({ query: "sideline" })).toEqual([]);
    expect(matching({ tag: "evidence" })).toEqual([]);
    expect(matching({ query: "sideline" }, instructor)).toEqual(["benGreen"]);
    expect(matching({ tag: "evidence" }, instructor)).toEqual(["benGreen"]);
  });
});

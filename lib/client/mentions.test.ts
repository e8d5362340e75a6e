import { describe, expect, it } from "vitest";
import { findMentions, insertMention, matchMembers, mentionQueryAt, mentionsIn } from "./mentions";

const members = [
  { id: "user-ada", name: "Ada Lovelace" },
  { id: "user-ann", name: "Ann" },
  { id: "user-anna", name: "Anna Berg" },
  { id: "user-ben", name: "Ben" },
];

describe("mentionQueryAt", () => {
  it("finds the @query being typed at the caret, including a full name's space", () => {
    expect(mentionQueryAt("Look @", 6)).toEqual({ start: 5, query: "" });
    expect(mentionQueryAt("Look @Ad", 8)).toEqual({ start: 5, query: "Ad" });
    expect(mentionQueryAt("@Ada Lo", 7)).toEqual({ start: 0, query: "Ada Lo" });
    expect(mentionQueryAt("(@Be", 4)).toEqual({ start: 1, query: "Be" });
  });
  it("ignores addresses, finished lines and text after the caret", () => {
    expect(mentionQueryAt("ada@example.org", 15)).toBeNull();
    expect(mentionQueryAt("@Ada\nmore", 9)).toBeNull();
    expect(mentionQueryAt("@ Ada", 5)).toBeNull();
    expect(mentionQueryAt("no mention here", 15)).toBeNull();
    expect(mentionQueryAt("@Ben  and then", 14)).toBeNull();
  });
});

describe("matchMembers", () => {
  it("offers members whose name or any word of it starts with the query, whole-name matches first", () => {
    expect(matchMembers(members, "an").map((m) => m.name)).toEqual(["Ann", "Anna Berg"]);
    expect(matchMembers(members, "be").map((m) => m.name)).toEqual(["Ben", "Anna Berg"]);
    expect(matchMembers(members, "LOVE").map((m) => m.name)).toEqual(["Ada Lovelace"]);
    expect(matchMembers(members, "")).toHaveLength(4);
    expect(matchMembers(members, "zed")).toEqual([]);
    // After a picked name and its space, only longer names that go on that way remain.
    expect(matchMembers(members, "Ben ")).toEqual([]);
    expect(matchMembers(members, "Ada ").map((m) => m.name)).toEqual(["Ada Lovelace"]);
  });
});

describe("insertMention", () => {
  it("replaces the query with the member's name and a space, and puts the caret after it", () => {
    expect(insertMention("Look @ad please", 5, 8, "Ada Lovelace")).toEqual({ text: "Look @Ada Lovelace please", caret: 19 });
    expect(insertMention("@b", 0, 2, "Ben")).toEqual({ text: "@Ben ", caret: 5 });
  });
});

describe("mentionsIn / findMentions", () => {
  it("finds whole names only, the longest that fits, each member once", () => {
    expect(mentionsIn("@Ann and @Anna Berg, and again @Ann.", members)).toEqual(["user-ann", "user-anna"]);
    expect(mentionsIn("@Annabel is not Ann; nor is mail@Ben", members)).toEqual([]);
    expect(findMentions("Hi @ada lovelace!", members)).toEqual([{ start: 3, end: 16, member: members[0] }]);
  });
});

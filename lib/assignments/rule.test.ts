/** The rule in plain words, and what the form refuses. */
import { describe, expect, it } from "vitest";
import { explainRemaining, explainRule, RuleSchema } from "./rule";

describe("a completion rule", () => {
  it("says what it asks in plain words", () => {
    expect(explainRule({ notes: 2, replies: 1 })).toBe("at least 2 notes in the passage and 1 reply to a classmate");
    expect(explainRule({ notes: 1, replies: 0 })).toBe("at least 1 note in the passage");
    expect(explainRule({ notes: 0, replies: 3 })).toBe("at least 3 replies to a classmate in the passage");
  });

  it("says what is still missing", () => {
    expect(explainRemaining({ notes: 1, replies: 0 }, { notes: 2, replies: 2 })).toBe("1 more note and 2 more replies to a classmate");
    expect(explainRemaining({ notes: 5, replies: 0 }, { notes: 2, replies: 1 })).toBe("1 more reply to a classmate");
    expect(explainRemaining({ notes: 2, replies: 1 }, { notes: 2, replies: 1 })).toBe("");
  });

  it("asks for something, in whole numbers within reason", () => {
    expect(RuleSchema.parse({ notes: "2", replies: "0" })).toEqual({ notes: 2, replies: 0 });
    expect(RuleSchema.safeParse({ notes: 0, replies: 0 }).success).toBe(false);
    expect(RuleSchema.safeParse({ notes: 1.5, replies: 0 }).success).toBe(false);
    expect(RuleSchema.safeParse({ notes: -1, replies: 2 }).success).toBe(false);
    expect(RuleSchema.safeParse({ notes: 21, replies: 0 }).success).toBe(false);
  });
});

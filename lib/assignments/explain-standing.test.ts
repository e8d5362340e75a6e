/** The words beside each status: which part of the rule produced it, and against which due time. */
import { describe, expect, it } from "vitest";
import { explainStanding, type Explainable } from "./explain-standing";

const DUE = new Date("2027-05-03T12:00:00.000Z");
const iso = (at: Date) => at.toISOString().slice(0, 16);
const rule = { notes: 2, replies: 1 };
const row = (over: Partial<Explainable>): Explainable => ({ notes: 0, replies: 0, metAt: null, status: "not-started", dueAt: DUE, extendedTo: null, ...over });

describe("explaining a status", () => {
  it("says when the rule was met, against which due time", () => {
    expect(explainStanding(row({ notes: 2, replies: 1, status: "done", metAt: DUE }), rule, iso)).toBe("Rule met 2027-05-03T12:00, by the due time 2027-05-03T12:00");
    const extended = new Date("2027-05-04T12:00:00.000Z");
    expect(explainStanding(row({ notes: 2, replies: 1, status: "done", metAt: extended, dueAt: extended, extendedTo: extended }), rule, iso)).toBe(
      "Rule met 2027-05-04T12:00, by the extended due time 2027-05-04T12:00",
    );
    expect(explainStanding(row({ notes: 3, replies: 1, status: "late", metAt: new Date("2027-05-03T13:00:00Z") }), rule, iso)).toBe(
      "Rule met 2027-05-03T13:00, after the due time 2027-05-03T12:00",
    );
  });

  it("says what is missing otherwise", () => {
    expect(explainStanding(row({ notes: 1, status: "in-progress" }), rule, iso)).toBe("Needs 1 more note and 1 more reply to a classmate by the due time 2027-05-03T12:00");
    expect(explainStanding(row({ notes: 2, status: "late" }), rule, iso)).toBe("Needs 1 more reply to a classmate; the due time 2027-05-03T12:00 has passed");
    expect(explainStanding(row({}), rule, iso)).toBe("Nothing in the passage yet; due time 2027-05-03T12:00");
  });
});

/** The CSV download: one line per student, no formulas from names (the cells themselves: lib/csv), a file name that says what it is. */
import { describe, expect, it } from "vitest";
import type { ParticipationRow } from "./get-participation.server";
import { participationCsv, participationFileName } from "./participation-csv";

const row = (name: string, over: Partial<ParticipationRow> = {}): ParticipationRow => ({
  student: { id: name, name, email: `${name.replace(/\W/g, "").toLowerCase() || "x"}@example.edu` },
  notes: 0,
  replies: 0,
  words: 0,
  firstActivityAt: null,
  lastActivityAt: null,
  metAt: null,
  status: "not-started",
  dueAt: new Date("2027-05-03T12:00:00Z"),
  extendedTo: null,
  ...over,
});

describe("participation as CSV", () => {
  it("has a header, one line per student, CRLF line ends and UTC times", () => {
    const csv = participationCsv({
      rule: { notes: 2, replies: 1 },
      ruleText: "at least 2 notes in the passage and 1 reply to a classmate",
      rows: [
        row("=Mallory"),
        row("Ada, Countess", {
          notes: 2,
          replies: 1,
          words: 40,
          status: "done",
          firstActivityAt: new Date("2027-05-01T09:00:00Z"),
          lastActivityAt: new Date("2027-05-02T09:00:00Z"),
          metAt: new Date("2027-05-02T09:00:00Z"),
        }),
      ],
    });
    const lines = csv.split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(lines[0]).toContain("First activity (UTC)");
    expect(lines[1]!.startsWith("'=Mallory,")).toBe(true);
    expect(lines[0]).toContain(",Status,Why (rule: at least 2 notes in the passage and 1 reply to a classmate),");
    expect(lines[1]).toContain(",Not started,Nothing in the passage yet; due time 2027-05-03 12:00 UTC,");
    expect(lines[2]).toBe(
      '"Ada, Countess",adacountess@example.edu,2,1,40,2027-05-01T09:00:00.000Z,2027-05-02T09:00:00.000Z,Done,"Rule met 2027-05-02 09:00 UTC, by the due time 2027-05-03 12:00 UTC",2027-05-03T12:00:00.000Z,no,2027-05-02T09:00:00.000Z',
    );
  });

  it("names the file after the assignment and the day", () => {
    expect(participationFileName("Close reading: §2 — “Moscow”", new Date("2027-05-03T23:00:00Z"))).toBe("participation-close-reading-2-moscow-2027-05-03.csv");
    expect(participationFileName("???", new Date("2027-05-03T00:00:00Z"))).toBe("participation-assignment-2027-05-03.csv");
  });
});

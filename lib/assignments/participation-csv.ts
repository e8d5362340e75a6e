/**
 * The participation table as CSV. Names are typed by students, so cells go through the shared quoting that
 * keeps formulas from running (`lib/csv/csv-cell.ts`). Times are ISO 8601 in UTC, which every spreadsheet reads;
 * the header says so.
 */
import { csvLine } from "../csv/csv-cell";
import { explainStanding } from "./explain-standing";
import type { Participation } from "./get-participation.server";
import { STATUS_LABEL } from "./status";

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function participationCsv({ rows, rule, ruleText }: Pick<Participation, "rows" | "rule" | "ruleText">): string {
  const header = [
    "Student",
    "Email",
    "Notes in the passage",
    "Replies to classmates",
    "Words",
    "First activity (UTC)",
    "Last activity (UTC)",
    "Status",
    `Why (rule: ${ruleText})`,
    "Due (UTC)",
    "Extended",
    "Rule met at (UTC)",
  ];
  const lines = rows.map((row) => {
    const why = explainStanding(row, rule, utc);
    return [row.student.name, row.student.email, row.notes, row.replies, row.words, iso(row.firstActivityAt), iso(row.lastActivityAt), STATUS_LABEL[row.status], why, iso(row.dueAt), row.extendedTo ? "yes" : "no", iso(row.metAt)];
  });
  return [header, ...lines].map(csvLine).join("");
}

/** "participation-close-reading-of-chapter-2-2027-05-03.csv": which assignment, and on which day it was taken. */
export function participationFileName(title: string, now: Date): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `participation-${slug || "assignment"}-${now.toISOString().slice(0, 10)}.csv`;
}

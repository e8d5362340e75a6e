/**
 * The participation table as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line
 * break, quotes doubled). Names are typed by students, so a cell that a spreadsheet would run as a formula
 * (starting with = + - @, or a tab or carriage return that some strip first) gets a leading apostrophe.
 * Times are ISO 8601 in UTC, which every spreadsheet reads; the header says so.
 */
import { explainStanding } from "./explain-standing";
import type { Participation } from "./get-participation.server";
import { STATUS_LABEL } from "./status";

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

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
  return [header, ...lines].map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
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

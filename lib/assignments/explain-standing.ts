/**
 * Why a student has the status they have, in words, beside it on the dashboard and in the CSV. Dates are
 * written by the caller's `formatTime`: the page shows them in the reader's time zone, the CSV in UTC.
 */
import { explainRemaining, type Rule } from "./rule";
import type { Standing } from "./status";

export type Explainable = Pick<Standing, "notes" | "replies" | "metAt" | "status"> & { dueAt: Date; extendedTo: Date | null };

export function explainStanding(row: Explainable, rule: Rule, formatTime: (at: Date) => string): string {
  const due = `${row.extendedTo && row.dueAt.getTime() === row.extendedTo.getTime() ? "extended due time" : "due time"} ${formatTime(row.dueAt)}`;
  switch (row.status) {
    case "done":
      return `Rule met ${formatTime(row.metAt!)}, by the ${due}`;
    case "late":
      return row.metAt ? `Rule met ${formatTime(row.metAt)}, after the ${due}` : `Needs ${explainRemaining(row, rule)}; the ${due} has passed`;
    case "in-progress":
      return `Needs ${explainRemaining(row, rule)} by the ${due}`;
    case "not-started":
      return `Nothing in the passage yet; ${due}`;
  }
}

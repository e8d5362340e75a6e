"use client";

import { useMemo, useState } from "react";
import { StatusBadge } from "@/components/assignments/status-badge";
import { explainStanding } from "@/lib/assignments/explain-standing";
import type { ParticipationRow } from "@/lib/assignments/get-participation.server";
import type { Rule } from "@/lib/assignments/rule";
import type { AssignmentStatus } from "@/lib/assignments/status";
import { formatDateTime } from "@/lib/client/format-date-time";
import { useTimeZone } from "@/lib/client/use-time-zone";

type Row = Omit<ParticipationRow, "student"> & { student: { id: string; name: string } };
type Key = "name" | "notes" | "replies" | "words" | "firstActivityAt" | "lastActivityAt" | "status";

// Who needs attention first when sorted by status.
const STATUS_ORDER: Record<AssignmentStatus, number> = { late: 0, "not-started": 1, "in-progress": 2, done: 3 };

const COLUMNS: Array<{ key: Key; label: string; numeric?: boolean }> = [
  { key: "name", label: "Student" },
  { key: "notes", label: "Notes", numeric: true },
  { key: "replies", label: "Replies to classmates", numeric: true },
  { key: "words", label: "Words", numeric: true },
  { key: "firstActivityAt", label: "First activity" },
  { key: "lastActivityAt", label: "Last activity" },
  { key: "status", label: "Status" },
];

function compare(a: Row, b: Row, key: Key): number {
  switch (key) {
    case "name":
      return a.student.name.localeCompare(b.student.name);
    case "status":
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case "firstActivityAt":
    case "lastActivityAt": {
      const [x, y] = [a[key]?.getTime() ?? null, b[key]?.getTime() ?? null];
      // Nobody's "no activity" sorts before real times either way round: it goes last.
      return x === null ? (y === null ? 0 : Infinity) : y === null ? -Infinity : x - y;
    }
    default:
      return a[key] - b[key];
  }
}

/**
 * The instructor's table of students × participation, sortable by any column (click or Enter on its header), with
 * the reason for each status beside it. Times are the reader's; the server render shows UTC until hydrated.
 */
export function ParticipationTable({ rows, rule, ruleText }: { rows: Row[]; rule: Rule; ruleText: string }) {
  const [sort, setSort] = useState<{ key: Key; descending: boolean }>({ key: "name", descending: false });
  const timeZone = useTimeZone();
  const format = (at: Date) => formatDateTime(at, { timeZone: timeZone ?? "UTC", short: true });

  const sorted = useMemo(() => {
    const out = [...rows].sort((a, b) => {
      const order = compare(a, b, sort.key);
      const directed = sort.descending && Number.isFinite(order) ? -order : order;
      return directed || a.student.name.localeCompare(b.student.name);
    });
    return out;
  }, [rows, sort]);

  if (rows.length === 0) {
    return <p className="mt-4 rounded-lg border border-dashed border-line px-6 py-6 text-center text-muted">No students are given this assignment yet.</p>;
  }

  return (
    <div className="mt-4 overflow-x-auto rounded-xl border border-line bg-card shadow-xs">
      <table className="w-full min-w-[56rem] border-collapse text-left text-sm">
        <caption className="px-4 pb-1 pt-3 text-left text-sm text-muted">
          Done means {ruleText}, counted from what the server received. Times are {timeZone ? `in your time zone (${timeZone})` : "in UTC"}.
        </caption>
        <thead>
          <tr className="border-b border-line">
            {COLUMNS.map((column) => {
              const active = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
                  className={`px-4 py-2 font-medium text-ink ${column.numeric ? "text-right" : ""}`}
                >
                  <button
                    type="button"
                    onClick={() => setSort({ key: column.key, descending: active ? !sort.descending : false })}
                    className="inline-flex items-center gap-1 rounded hover:text-accent-strong"
                  >
                    {column.label}
                    <span aria-hidden="true" className={active ? "text-accent" : "text-line"}>
                      {active && sort.descending ? "▼" : "▲"}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col" className="px-4 py-2 font-medium text-ink">
              Why
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.student.id} data-student-row={row.student.name} data-status={row.status} className="border-b border-line last:border-b-0 align-top">
              <th scope="row" className="px-4 py-2 font-medium text-ink">
                {row.student.name}
              </th>
              <td className="px-4 py-2 text-right tabular-nums">{row.notes}</td>
              <td className="px-4 py-2 text-right tabular-nums">{row.replies}</td>
              <td className="px-4 py-2 text-right tabular-nums">{row.words}</td>
              <td className="px-4 py-2 whitespace-nowrap text-muted">{row.firstActivityAt ? format(row.firstActivityAt) : "—"}</td>
              <td className="px-4 py-2 whitespace-nowrap text-muted">{row.lastActivityAt ? format(row.lastActivityAt) : "—"}</td>
              <td className="px-4 py-2">
                <StatusBadge status={row.status} />
              </td>
              <td className="px-4 py-2 text-muted">{explainStanding(row, rule, format)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

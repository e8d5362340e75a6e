import { STATUS_LABEL, type AssignmentStatus } from "@/lib/assignments/status";

// Each status reads in words first; colour only repeats it.
const STYLE: Record<AssignmentStatus, string> = {
  "not-started": "bg-line/60 text-muted ring-line",
  "in-progress": "bg-hl-blue/60 text-ink ring-accent/20",
  done: "bg-hl-green/70 text-ink ring-accent/25",
  late: "bg-danger/10 text-danger ring-danger/30",
};

/** A student's status on an assignment: not started, in progress, done or late. */
export function StatusBadge({ status }: { status: AssignmentStatus }) {
  return <span className={`inline-flex shrink-0 items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STYLE[status]}`}>{STATUS_LABEL[status]}</span>;
}

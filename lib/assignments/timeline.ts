/**
 * Activity over time for an assignment's chart: what the audience did in the passage, counted into equal spans
 * from the opening to the due time (or to the last thing done, when that came later). Pure, so the spans are
 * tested without a clock or a database.
 */
import type { Activity } from "./status";

export type TimelineBucket = { start: Date; notes: number; replies: number; comments: number };
export type Timeline = { from: Date; to: Date; bucketMs: number; buckets: TimelineBucket[] };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Spans a person reads at a glance, smallest first; the chart uses the smallest that keeps it to MAX_BUCKETS bars. */
const SPANS = [15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY];
export const MAX_BUCKETS = 48;

export function bucketActivity(activity: readonly Pick<Activity, "at" | "counts">[], { opensAt, dueAt }: { opensAt: Date; dueAt: Date }): Timeline {
  const first = Math.min(opensAt.getTime(), ...activity.map((a) => a.at.getTime()));
  const last = Math.max(dueAt.getTime(), ...activity.map((a) => a.at.getTime()));
  // Bars start on round times (whole hours, days in UTC) so their labels read well. `last` itself belongs to a
  // bar: a note at exactly the due time is shown, not dropped off the end.
  const startOf = (span: number) => Math.floor(first / Math.min(span, DAY)) * Math.min(span, DAY);
  const countOf = (span: number) => Math.floor((last - startOf(span)) / span) + 1;
  const bucketMs = SPANS.find((span) => countOf(span) <= MAX_BUCKETS) ?? Math.ceil((last - first + 1) / (MAX_BUCKETS - 1));
  const from = startOf(bucketMs);
  const count = countOf(bucketMs);
  const buckets: TimelineBucket[] = Array.from({ length: count }, (_, i) => ({ start: new Date(from + i * bucketMs), notes: 0, replies: 0, comments: 0 }));
  for (const a of activity) {
    const bucket = buckets[Math.floor((a.at.getTime() - from) / bucketMs)];
    if (a.counts === "note") bucket.notes += 1;
    else if (a.counts === "reply") bucket.replies += 1;
    else bucket.comments += 1;
  }
  return { from: new Date(from), to: new Date(from + count * bucketMs), bucketMs, buckets };
}

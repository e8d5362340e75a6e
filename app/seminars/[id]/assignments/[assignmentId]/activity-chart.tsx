"use client";

import type { Timeline } from "@/lib/assignments/timeline";
import { formatDateTime } from "@/lib/client/format-date-time";
import { useTimeZone } from "@/lib/client/use-time-zone";

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 8, bottom: 26, left: 30 };

const SERIES = [
  { key: "notes", label: "Notes", fill: "var(--color-accent)" },
  { key: "replies", label: "Replies to classmates", fill: "var(--color-hl-blue)" },
  { key: "comments", label: "Other comments", fill: "var(--color-line)" },
] as const;

/**
 * Activity over time as stacked bars (notes, replies to classmates, other comments per span), with the due time
 * and now marked. Times in the reader's zone once hydrated. The figures are also a table for screen readers.
 */
export function ActivityChart({ timeline, dueAt, now }: { timeline: Timeline; dueAt: Date; now: Date }) {
  const timeZone = useTimeZone() ?? "UTC";
  const { buckets, bucketMs } = timeline;
  const from = timeline.from.getTime();
  const span = timeline.to.getTime() - from;
  const totals = buckets.map((b) => b.notes + b.replies + b.comments);
  const top = Math.max(1, ...totals);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (at: number) => PAD.left + ((at - from) / span) * plotW;
  const barW = Math.max(2, plotW / buckets.length - 2);
  const label = (at: Date) => formatDateTime(at, { timeZone, short: true });
  const sum = (key: (typeof SERIES)[number]["key"]) => buckets.reduce((total, b) => total + b[key], 0);
  const ticks = buckets.length > 1 ? [0, Math.floor((buckets.length - 1) / 2), buckets.length - 1] : [0];
  const markers = [
    { at: dueAt.getTime(), text: "Due" },
    { at: now.getTime(), text: "Now" },
  ].filter((m) => m.at >= from && m.at <= from + span);
  const summary = `${sum("notes")} notes, ${sum("replies")} replies to classmates and ${sum("comments")} other comments in the passage, from ${label(timeline.from)} to ${label(timeline.to)}.`;

  return (
    <figure data-activity-chart className="rounded-lg border border-line bg-card px-4 py-4">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Activity over time: ${summary}`} className="h-auto w-full">
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="var(--color-line)" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill="var(--color-muted)">
          {top}
        </text>
        <text x={PAD.left - 6} y={PAD.top + plotH} textAnchor="end" fontSize="11" fill="var(--color-muted)">
          0
        </text>
        {buckets.map((bucket, i) => {
          let y = PAD.top + plotH;
          const left = x(bucket.start.getTime()) + 1;
          return (
            <g key={i}>
              <title>{`${label(bucket.start)}: ${bucket.notes} notes, ${bucket.replies} replies, ${bucket.comments} other comments`}</title>
              {SERIES.map((series) => {
                const h = (bucket[series.key] / top) * plotH;
                if (h === 0) return null;
                y -= h;
                return <rect key={series.key} x={left} y={y} width={barW} height={h} rx={1.5} fill={series.fill} />;
              })}
            </g>
          );
        })}
        {markers.map((m) => (
          <g key={m.text}>
            <line x1={x(m.at)} x2={x(m.at)} y1={PAD.top} y2={PAD.top + plotH} stroke={m.text === "Due" ? "var(--color-danger)" : "var(--color-muted)"} strokeDasharray="3 3" />
            <text x={x(m.at)} y={PAD.top - 2} textAnchor={x(m.at) > WIDTH - 40 ? "end" : "middle"} fontSize="10" fill={m.text === "Due" ? "var(--color-danger)" : "var(--color-muted)"}>
              {m.text}
            </text>
          </g>
        ))}
        {ticks.map((i) => (
          <text
            key={i}
            x={x(buckets[i].start.getTime() + bucketMs / 2)}
            y={HEIGHT - 8}
            textAnchor={i === 0 ? "start" : i === buckets.length - 1 ? "end" : "middle"}
            fontSize="11"
            fill="var(--color-muted)"
          >
            {label(buckets[i].start)}
          </text>
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        {SERIES.map((series) => (
          <span key={series.key} className="inline-flex items-center gap-1.5">
            <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3">
              <rect width="12" height="12" rx="2" fill={series.fill} stroke="var(--color-line)" />
            </svg>
            {series.label} ({sum(series.key)})
          </span>
        ))}
        <span>Each bar: {formatSpan(bucketMs)}.</span>
      </figcaption>
    </figure>
  );
}

function formatSpan(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} minutes`;
  const hours = minutes / 60;
  if (hours < 24) return hours === 1 ? "one hour" : `${hours} hours`;
  const days = hours / 24;
  return days === 1 ? "one day" : `${days} days`;
}

/**
 * A student's standing on an assignment, from what they did in the passage and when the server received it.
 * Pure, so the boundaries (the due time itself, an extension) are tested without a clock, and so whatever shows
 * participation later (a live dashboard, notifications) decides it the same way.
 */
import { meetsRule, type Rule } from "./rule";

export const ASSIGNMENT_STATUSES = ["not-started", "in-progress", "done", "late"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const STATUS_LABEL: Record<AssignmentStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  late: "Late",
};

/**
 * One thing a student did in the passage that counts: a note, a reply to a classmate, or another comment of
 * theirs (which adds words and activity but no count). `at` is the server's receivedAt, never the author's claim.
 */
export type Activity = { at: Date; counts: "note" | "reply" | null; words: number };

export type Standing = {
  notes: number;
  replies: number;
  words: number;
  firstActivityAt: Date | null;
  lastActivityAt: Date | null;
  /** When the rule was first met by what still counts today; null while it is not. */
  metAt: Date | null;
  status: AssignmentStatus;
};

/**
 * Done: the rule was met at or before the due time (exactly at the due time is on time). Late: the due time
 * has passed without the rule met by then, whether it was met afterwards or not yet. Before the due time:
 * not started while nothing counts, in progress once something does.
 */
export function standingOf({ activity, rule, dueAt, now }: { activity: readonly Activity[]; rule: Rule; dueAt: Date; now: Date }): Standing {
  const ordered = [...activity].sort((a, b) => a.at.getTime() - b.at.getTime());
  const counts = { notes: 0, replies: 0 };
  let words = 0;
  let metAt: Date | null = null;
  for (const item of ordered) {
    if (item.counts === "note") counts.notes++;
    if (item.counts === "reply") counts.replies++;
    words += item.words;
    if (!metAt && meetsRule(counts, rule)) metAt = item.at;
  }
  const status: AssignmentStatus =
    metAt && metAt.getTime() <= dueAt.getTime()
      ? "done"
      : now.getTime() > dueAt.getTime()
        ? "late"
        : ordered.length === 0
          ? "not-started"
          : "in-progress";
  return {
    ...counts,
    words,
    firstActivityAt: ordered[0]?.at ?? null,
    lastActivityAt: ordered.at(-1)?.at ?? null,
    metAt,
    status,
  };
}

/** Words as a reader would count them: runs of letters or digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

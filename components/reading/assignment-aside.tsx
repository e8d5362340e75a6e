"use client";

import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { Markdown } from "@/components/markdown";

/** The assignment a reader opened the essay for, as the reading page shows it beside its passage. */
export type AssignmentInReader = {
  id: string;
  title: string;
  prompt: string;
  /** The due time that applies to this reader (their extension, if later). */
  dueAt: string;
  ruleText: string;
  href: string;
  passage: { startParagraphId: string; startOffset: number; endParagraphId: string; endOffset: number };
};

/** The prompt beside the start of its passage, which the text marks (reading-room.tsx). */
export function AssignmentAside({ assignment }: { assignment: AssignmentInReader }) {
  return (
    <aside
      aria-label={`Assignment: ${assignment.title}`}
      data-assignment-prompt={assignment.id}
      className="rounded-lg border border-accent/40 bg-accent/[0.05] px-4 py-3 text-[0.9375rem] leading-snug shadow-xs"
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-accent-strong">Assignment</p>
      <p className="mt-0.5 font-semibold text-ink">{assignment.title}</p>
      <p className="mt-0.5 text-xs text-muted">
        Due <LocalTime at={assignment.dueAt} short /> · {assignment.ruleText}
      </p>
      <Markdown source={assignment.prompt} mentions={[]} me="" className="comment-body mt-2 break-words text-ink" />
      <p className="mt-2 text-xs text-muted">The passage is underlined in the text. Your notes and replies in it count by themselves.</p>
      <Link href={assignment.href} className="mt-2 inline-block text-sm font-medium text-accent underline-offset-2 hover:underline">
        Back to the assignment
      </Link>
    </aside>
  );
}

"use client";

import Link from "next/link";
import type { PassageSelection } from "@/lib/client/text-selection";

/**
 * For instructors: turns the words selected in the essay, across paragraphs if need be, into a new assignment
 * (the form opens with that passage). Floats at the bottom of the window while a passage is selected.
 */
export function AssignPassageButton({ passage, newAssignmentUrl }: { passage: PassageSelection | null; newAssignmentUrl: string }) {
  if (!passage) return null;
  const query = new URLSearchParams({
    from: `${passage.startParagraphId}:${passage.startOffset}`,
    to: `${passage.endParagraphId}:${passage.endOffset}`,
  });
  const words = passage.quote.length > 60 ? `${passage.quote.slice(0, 60)}…` : passage.quote;
  return (
    <div data-assign-passage className="fixed inset-x-0 bottom-5 z-30 flex justify-center px-4">
      <Link
        href={`${newAssignmentUrl}${newAssignmentUrl.includes("?") ? "&" : "?"}${query}`}
        className="max-w-md truncate rounded-full bg-ink px-4 py-2 font-sans text-sm font-medium text-white shadow-lg hover:bg-accent-strong"
        title={passage.quote}
      >
        Assign this passage… <span className="font-normal text-white/80">“{words}”</span>
      </Link>
    </div>
  );
}

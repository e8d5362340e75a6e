"use client";

import type { Thread } from "@/lib/doc/read";
import type { ThreadCallbacks } from "./paragraph-row";
import { ThreadCard } from "./thread-card";

/** After the essay: notes a revision left without their words, kept with their replies (never lost). */
export function UnanchoredNotes({ threads, activeIds, callbacks }: { threads: Thread[]; activeIds: ReadonlySet<string>; callbacks: ThreadCallbacks }) {
  if (threads.length === 0) return null;
  return (
    <section aria-labelledby="unanchored-heading" className="mt-16 max-w-[var(--margin-width)] font-sans">
      <h2 id="unanchored-heading" className="text-base font-semibold text-ink">
        Unanchored notes
      </h2>
      <p className="mt-1 text-sm text-muted">The essay was revised and these notes' words are no longer in it. They are kept here, with their replies.</p>
      <div className="mt-3 flex flex-col gap-3">
        {threads.map((thread) => (
          <ThreadCard key={thread.annotation.id} thread={thread} active={activeIds.has(thread.annotation.id)} {...callbacks} />
        ))}
      </div>
    </section>
  );
}

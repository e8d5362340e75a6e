"use client";

import { useEffect, useRef, useState } from "react";
import type { Thread } from "../doc/read";

/** Comments arriving within this long are announced together: one sentence, not a flood. */
const GATHER_MS = 1500;

type Arrival = { authorName: string; body: string; paragraphId: string };

/** One sentence for comments that arrived together, as a screen reader should hear it. */
export function describeArrivals(arrivals: readonly Arrival[], labelOf: (paragraphId: string) => string): string {
  if (arrivals.length === 0) return "";
  if (arrivals.length === 1) {
    const [only] = arrivals;
    const excerpt = only!.body.length > 100 ? `${only!.body.slice(0, 100)}…` : only!.body;
    return `New comment from ${only!.authorName} on ${labelOf(only!.paragraphId)}: ${excerpt}`;
  }
  const names = [...new Set(arrivals.map((a) => a.authorName))];
  const from = names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
  return `${arrivals.length} new comments, from ${from}.`;
}

/**
 * What the reading room's one polite live region says when other people's comments arrive (issue 10: "new comments
 * announced politely, one live region, not a flood"). Comments present when the room loaded are not news, and
 * neither are the reader's own.
 */
export function useArrivals(threads: readonly Thread[], meId: string, ready: boolean, labelOf: (paragraphId: string) => string): string {
  const seen = useRef<Set<string> | null>(null);
  const waiting = useRef<Arrival[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const label = useRef(labelOf);
  label.current = labelOf;
  const [message, setMessage] = useState("");

  useEffect(() => {
    if (!ready) return;
    const comments = threads.flatMap((thread) =>
      [thread.opener, ...thread.replies].filter((c) => c !== null).map((comment) => ({ comment, paragraphId: thread.annotation.paragraphId })),
    );
    if (seen.current === null) {
      seen.current = new Set(comments.map(({ comment }) => comment.id));
      return;
    }
    for (const { comment, paragraphId } of comments) {
      if (seen.current.has(comment.id)) continue;
      seen.current.add(comment.id);
      if (comment.authorId !== meId && comment.body) waiting.current.push({ authorName: comment.authorName, body: comment.body, paragraphId });
    }
    if (waiting.current.length === 0 || timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      setMessage(describeArrivals(waiting.current.splice(0), label.current));
    }, GATHER_MS);
  }, [threads, meId, ready]);

  useEffect(() => () => clearTimeout(timer.current), []);
  return message;
}

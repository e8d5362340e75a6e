"use client";

import { useEffect, useMemo } from "react";
import { paintRanges, rangeIn } from "./text-range";

type Passage = { startParagraphId: string; startOffset: number; endParagraphId: string; endOffset: number };

/**
 * Marks an assignment's passage in the text (`::highlight(gloss-assignment)` in globals.css), across as many
 * paragraphs as it spans, and brings it into view once, unless the page was opened on a particular thread.
 * Returns the ids of the paragraphs it takes in.
 */
export function useAssignmentPassage(passage: Passage | null, paragraphs: ReadonlyArray<{ id: string; text: string }>): ReadonlySet<string> {
  const spans = useMemo(() => {
    if (!passage) return [];
    const first = paragraphs.findIndex((p) => p.id === passage.startParagraphId);
    const last = paragraphs.findIndex((p) => p.id === passage.endParagraphId);
    if (first < 0 || last < first) return [];
    return paragraphs.slice(first, last + 1).map((p, i, all) => ({
      id: p.id,
      start: i === 0 ? passage.startOffset : 0,
      end: i === all.length - 1 ? passage.endOffset : p.text.length,
    }));
  }, [passage, paragraphs]);

  useEffect(() => {
    if (spans.length === 0) return;
    const ranges = spans.map((s) => rangeIn(document.getElementById(`p-${s.id}`), s.start, s.end)).filter((r): r is Range => r !== null);
    return paintRanges("gloss-assignment", ranges);
    // Highlights re-render the paragraph's text; repaint whenever it may have changed.
  });

  const firstId = spans[0]?.id;
  useEffect(() => {
    if (!firstId || window.location.hash.startsWith("#thread-")) return;
    document.getElementById(`p-${firstId}`)?.scrollIntoView({ block: "center" });
  }, [firstId]);

  return useMemo(() => new Set(spans.map((s) => s.id)), [spans]);
}

/**
 * Selecting words with the keyboard alone, without the browser's caret browsing (which few people know about and
 * some browsers lack): with a paragraph in focus, the arrow keys pick words and sentences and Shift extends the
 * pick. Pure: spans are offsets in the paragraph's text, as the annotation selectors use.
 */
import type { Span } from "../doc/anchor";

export type Step = "next-word" | "previous-word" | "extend-word" | "shrink-word" | "next-sentence" | "previous-sentence" | "extend-sentence";

type Segment = { start: number; end: number };

function lastOf<T>(list: readonly T[], wanted: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (wanted(list[i]!)) return list[i];
  return undefined;
}

const wordSegmenter = new Intl.Segmenter("en", { granularity: "word" });
const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** The words of `text` (punctuation and spaces left out), in order. */
export function wordsOf(text: string): Segment[] {
  return [...wordSegmenter.segment(text)].filter((s) => s.isWordLike).map((s) => ({ start: s.index, end: s.index + s.segment.length }));
}

/** The sentences of `text`, without the spaces that follow them. */
export function sentencesOf(text: string): Segment[] {
  return [...sentenceSegmenter.segment(text)]
    .map((s) => ({ start: s.index, end: s.index + s.segment.trimEnd().length }))
    .filter((s) => s.end > s.start);
}

/**
 * The span after one step from `current` (null: nothing picked yet, the first step picks the first word or
 * sentence). Steps stop at the paragraph's ends rather than wrapping: a reader who keeps pressing stays put.
 */
export function stepSelection(text: string, current: Span | null, step: Step): Span | null {
  const words = wordsOf(text);
  const sentences = sentencesOf(text);
  if (words.length === 0) return null;
  if (!current) {
    if (step.endsWith("sentence")) return sentences[0] ?? null;
    return step === "previous-word" ? words.at(-1)! : words[0]!;
  }
  switch (step) {
    case "next-word":
      return words.find((w) => w.start >= current.end) ?? lastOf(words, (w) => w.start < current.end) ?? null;
    case "previous-word":
      return lastOf(words, (w) => w.end <= current.start) ?? words.find((w) => w.end > current.start) ?? null;
    case "extend-word": {
      const next = words.find((w) => w.start >= current.end);
      return next ? { start: current.start, end: next.end } : current;
    }
    case "shrink-word": {
      const last = lastOf(words, (w) => w.end < current.end && w.start >= current.start);
      return last ? { start: current.start, end: last.end } : current;
    }
    case "next-sentence":
      return sentences.find((s) => s.start >= current.end) ?? lastOf(sentences, (s) => s.start < current.end) ?? null;
    case "previous-sentence":
      return lastOf(sentences, (s) => s.end <= current.start) ?? sentences.find((s) => s.end > current.start) ?? null;
    case "extend-sentence": {
      const next = sentences.find((s) => s.end > current.end);
      return next ? { start: current.start, end: next.end } : current;
    }
  }
}

/**
 * Re-anchoring a highlight across a revised essay. `locate` (anchor.ts) only searches the highlight's own
 * paragraph; after an instructor splits, inserts or removes paragraphs the words may now live in another one.
 * This says where they are, how sure it is, and, when it cannot place them, why in words an instructor
 * understands. Pure, so the reading view, the revision preview and the tests share it.
 *
 * Order of search (the first that succeeds wins):
 * 1. the old position in the old paragraph, when the text there is still the quote with its context;
 * 2. an exact occurrence of the quote, in the old paragraph or any other, scored by how much of the old
 *    context (prefix, suffix) still surrounds it; the old paragraph gets a bonus, so it wins unless another
 *    paragraph clearly holds the words in their old surroundings (a split moved them);
 * 3. a quote cut in two by a paragraph split (its head ends one paragraph, its tail starts the next);
 * 4. an approximate match (approx-string-match, one error per five characters), old paragraph first.
 * Outside the old paragraph, and for fuzzy matches of short quotes, a match needs part of its old context or
 * a long quote: a short quote such as "Moscow" occurs all over an essay and must never land on unrelated text.
 */
import search from "approx-string-match";
import type { TextPositionSelector, TextQuoteSelector } from "./layout";

export type EssayParagraph = { id: string; text: string };

export type ReanchorMethod = "position" | "quote" | "fuzzy";

/** Why a placed highlight should be checked by a person. */
export type ReviewReason = "edited" | "context-changed" | "moved-without-context" | "split";
/** Why a highlight could not be placed. */
export type OrphanReason = "words-deleted" | "paragraph-removed" | "only-elsewhere-out-of-context";

export type Placed = {
  orphan?: false;
  paragraphId: string;
  start: number;
  end: number;
  /** 0..1: 1 when the words and their surroundings are exactly where they were. */
  confidence: number;
  method: ReanchorMethod;
  /** The highlight now sits in another paragraph or at other offsets than its selectors say. */
  moved: boolean;
  /** Set when confidence is below REVIEW_BELOW: still placed, but a person should check it. */
  review: ReviewReason | null;
};
export type Orphaned = { orphan: true; reason: OrphanReason };
export type Reanchored = Placed | Orphaned;

/** Below this a placement is kept but flagged for the instructor's review queue. */
export const REVIEW_BELOW = 0.8;

/** A quote at least this long is distinctive enough to be found outside its paragraph without context. */
const DISTINCTIVE_LENGTH = 24;
/** How much of the old context a short quote needs to be placed away from home or approximately. */
const CONTEXT_NEEDED = 0.5;

export const REVIEW_TEXT: Record<ReviewReason, string> = {
  edited: "the quoted words were edited",
  "context-changed": "the words around the quote were changed",
  "moved-without-context": "the words were found in another paragraph, without their old surroundings",
  split: "the paragraph was split inside the quoted words; only the part here is highlighted",
};

export const ORPHAN_TEXT: Record<OrphanReason, string> = {
  "words-deleted": "the quoted words were deleted",
  "paragraph-removed": "the paragraph was removed",
  "only-elsewhere-out-of-context": "the quoted words were deleted here; the same words appear elsewhere, but not in the same passage",
};

type Candidate = { index: number; start: number; end: number; context: number; errors: number };

export function reanchor(
  paragraphId: string,
  [quote, position]: [TextQuoteSelector, TextPositionSelector],
  paragraphs: ReadonlyArray<EssayParagraph>,
): Reanchored {
  const home = paragraphs.findIndex((p) => p.id === paragraphId);
  const place = (c: Candidate, method: ReanchorMethod, confidence: number, review: ReviewReason | null): Placed => {
    const id = paragraphs[c.index]!.id;
    const rounded = Math.round(confidence * 100) / 100;
    return {
      paragraphId: id,
      start: c.start,
      end: c.end,
      confidence: rounded,
      method,
      moved: id !== paragraphId || c.start !== position.start || c.end !== position.end,
      review: rounded < REVIEW_BELOW ? (review ?? "edited") : null,
    };
  };

  // 1. Nothing changed where the words were.
  if (home !== -1) {
    const text = paragraphs[home]!.text;
    if (text.slice(position.start, position.end) === quote.exact) {
      const context = contextMatch(text, position.start, position.end, quote);
      if (context === 1) return place({ index: home, start: position.start, end: position.end, context, errors: 0 }, "position", 1, null);
    }
  }

  // 2. The exact words, home or elsewhere.
  const exact = exactCandidates(paragraphs, quote).filter(
    (c) => isDistinctive(quote, c.context) || (c.index === home && c.start === position.start),
  );
  const best = pick(exact, home, position.start, (c) => c.context + (c.index === home ? 0.25 : 0));
  if (best) {
    const atOldPlace = best.index === home && best.start === position.start;
    if (best.index === home) {
      const long = quote.exact.trim().length >= DISTINCTIVE_LENGTH;
      const repeated = exact.filter((c) => c.index === home).length > 1;
      // A long quote in its own paragraph is the author's words even if its surroundings were rewritten; a
      // short one is only as sure as its context, less so when it occurs more than once.
      const confidence = (long ? 0.85 + 0.15 * best.context : 0.5 + 0.5 * best.context) - (repeated && best.context < 1 ? 0.1 : 0);
      return place(best, atOldPlace ? "position" : "quote", confidence, "context-changed");
    }
    return place(best, "quote", 0.7 + 0.3 * best.context, "moved-without-context");
  }

  // 3. A split inside the quote.
  const split = splitCandidate(paragraphs, quote, home);
  if (split) return place(split, "quote", 0.6, "split");

  // 4. Approximately, home first.
  const fuzzy = fuzzyCandidates(paragraphs, quote, home);
  const near = pick(fuzzy.filter((c) => c.index === home), home, position.start, (c) => -c.errors + c.context / 10)
    ?? pick(fuzzy.filter((c) => c.index !== home), home, position.start, (c) => -c.errors + c.context / 10);
  if (near) {
    const closeness = 1 - near.errors / quote.exact.length;
    const confidence = closeness * (0.7 + 0.3 * near.context) * (near.index === home ? 1 : 0.85);
    return place(near, "fuzzy", confidence, near.index === home ? "edited" : "moved-without-context");
  }

  if (exactCandidates(paragraphs, quote).length > 0) return { orphan: true, reason: "only-elsewhere-out-of-context" };
  return { orphan: true, reason: home === -1 ? "paragraph-removed" : "words-deleted" };
}

/** A person-readable sentence for a placement that needs review or an orphan; null for a sure placement. */
export function reanchorReason(result: Reanchored): string | null {
  if (result.orphan) return ORPHAN_TEXT[result.reason];
  return result.review ? REVIEW_TEXT[result.review] : null;
}

function isDistinctive(quote: TextQuoteSelector, context: number): boolean {
  return context >= CONTEXT_NEEDED || quote.exact.trim().length >= DISTINCTIVE_LENGTH;
}

/**
 * How much of the quote's old surroundings are still there, 0..1: the share of the prefix that still ends
 * right before the match and of the suffix that still starts right after it, averaged. An empty prefix means
 * the quote began its paragraph, so it matches only at the start (likewise an empty suffix at the end).
 */
export function contextMatch(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const before = quote.prefix
    ? commonSuffixLength(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix) / quote.prefix.length
    : start === 0 ? 1 : 0;
  const after = quote.suffix
    ? commonPrefixLength(text.slice(end, end + quote.suffix.length), quote.suffix) / quote.suffix.length
    : end === text.length ? 1 : 0;
  return (before + after) / 2;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function exactCandidates(paragraphs: ReadonlyArray<EssayParagraph>, quote: TextQuoteSelector): Candidate[] {
  const found: Candidate[] = [];
  paragraphs.forEach(({ text }, index) => {
    for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
      const end = at + quote.exact.length;
      found.push({ index, start: at, end, context: contextMatch(text, at, end, quote), errors: 0 });
    }
  });
  return found;
}

/**
 * The highest score wins; ties go to the paragraph nearest home (a split or an insertion moves words to a
 * neighbour), then to the offset nearest the old one.
 */
function pick(candidates: Candidate[], home: number, oldStart: number, score: (c: Candidate) => number): Candidate | null {
  let best: Candidate | null = null;
  const key = (c: Candidate) => [score(c), home === -1 ? 0 : -Math.abs(c.index - home), -Math.abs(c.start - oldStart), -c.index] as const;
  for (const c of candidates) {
    if (!best) {
      best = c;
      continue;
    }
    const [a, b] = [key(c), key(best)];
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      if (a[i]! > b[i]!) best = c;
      break;
    }
  }
  return best;
}

/**
 * The quote's head ends one paragraph and its tail starts the next: the paragraph was split inside it. The
 * highlight can only live in one paragraph, so it takes the part in its own paragraph, or else the longer part.
 */
function splitCandidate(paragraphs: ReadonlyArray<EssayParagraph>, quote: TextQuoteSelector, home: number): Candidate | null {
  const exact = quote.exact;
  const options: Array<{ candidate: Candidate; length: number }> = [];
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const [first, second] = [paragraphs[i]!.text, paragraphs[i + 1]!.text];
    // Try every cut of the quote; the whitespace at the cut became the paragraph break.
    for (let cut = 1; cut < exact.length; cut++) {
      const head = exact.slice(0, cut).trimEnd();
      const tail = exact.slice(cut).trimStart();
      if (!head || !tail || !first.endsWith(head) || !second.startsWith(tail)) continue;
      if (!/\s/.test(exact[cut - 1]!) && !/\s/.test(exact[cut]!)) continue;
      const headPart: Candidate = { index: i, start: first.length - head.length, end: first.length, context: 0, errors: 0 };
      const tailPart: Candidate = { index: i + 1, start: 0, end: tail.length, context: 0, errors: 0 };
      const chosen = home === i ? headPart : home === i + 1 ? tailPart : head.length >= tail.length ? headPart : tailPart;
      options.push({ candidate: chosen, length: chosen.end - chosen.start });
      break;
    }
  }
  const atHome = options.find((o) => o.candidate.index === home);
  return (atHome ?? options.sort((a, b) => b.length - a.length)[0])?.candidate ?? null;
}

function fuzzyCandidates(paragraphs: ReadonlyArray<EssayParagraph>, quote: TextQuoteSelector, home: number): Candidate[] {
  const maxErrors = Math.floor(quote.exact.length / 5);
  if (maxErrors === 0) return [];
  const found: Candidate[] = [];
  paragraphs.forEach(({ text }, index) => {
    for (const match of search(text, quote.exact, maxErrors)) {
      if (match.end <= match.start) continue;
      const candidate = { index, start: match.start, end: match.end, errors: match.errors, context: contextMatch(text, match.start, match.end, quote) };
      // A short quote matched approximately is only trusted where its old surroundings confirm it.
      if (quote.exact.trim().length < DISTINCTIVE_LENGTH && candidate.context < CONTEXT_NEEDED) continue;
      if (index !== home && !isDistinctive(quote, candidate.context)) continue;
      found.push(candidate);
    }
  });
  return found;
}

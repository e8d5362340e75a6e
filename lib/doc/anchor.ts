/**
 * Re-anchoring a highlight's W3C selectors in a paragraph's current text. Pure, so the browser and the tests
 * share it. Paragraph texts are stable today, but an instructor may fix a typo one day: a highlight should
 * then still land on the words its author meant, or be reported as orphaned — never silently land elsewhere.
 */
import search from "approx-string-match";
import type { TextPositionSelector, TextQuoteSelector } from "./layout";

export type Span = { start: number; end: number };

/** How much context a TextQuoteSelector keeps on each side (the layout allows up to 64). */
export const QUOTE_CONTEXT = 32;

/** Builds both selectors for `text.slice(start, end)`. */
export function selectorsFor(text: string, { start, end }: Span): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT),
    },
    { type: "TextPositionSelector", start, end },
  ];
}

/**
 * Where the selectors point in `text`, or null when the words are gone.
 * 1. The position, when the text there is still exactly the quote (the common case: nothing changed).
 * 2. Otherwise an exact occurrence of the quote, preferring the one whose context still matches, then the one
 *    nearest the old position (a quote like "the" occurs many times).
 * 3. Otherwise the closest approximate match with at most one error per five characters, so an edited word
 *    inside a long quote keeps it anchored but a short quote never lands on unrelated text.
 */
export function locate(text: string, [quote, position]: [TextQuoteSelector, TextPositionSelector]): Span | null {
  const { exact } = quote;
  if (position.end <= text.length && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end };
  }
  const exactMatch = bestExactOccurrence(text, quote, position.start);
  if (exactMatch) return exactMatch;
  return bestApproximateMatch(text, exact, position.start);
}

function bestExactOccurrence(text: string, quote: TextQuoteSelector, oldStart: number): Span | null {
  let best: { span: Span; score: number; distance: number } | null = null;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const end = at + quote.exact.length;
    const score =
      (quote.prefix && text.slice(0, at).endsWith(quote.prefix) ? 1 : 0) +
      (quote.suffix && text.slice(end).startsWith(quote.suffix) ? 1 : 0);
    const distance = Math.abs(at - oldStart);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { span: { start: at, end }, score, distance };
    }
  }
  return best?.span ?? null;
}

function bestApproximateMatch(text: string, exact: string, oldStart: number): Span | null {
  const maxErrors = Math.floor(exact.length / 5);
  if (maxErrors === 0) return null;
  const matches = search(text, exact, maxErrors);
  let best: (Span & { errors: number }) | null = null;
  for (const match of matches) {
    if (
      !best ||
      match.errors < best.errors ||
      (match.errors === best.errors && Math.abs(match.start - oldStart) < Math.abs(best.start - oldStart))
    ) {
      best = match;
    }
  }
  return best && best.end > best.start ? { start: best.start, end: best.end } : null;
}

/**
 * Where an assignment's passage lies after its essay is revised. Each end is found again by the words beside it,
 * with the same re-anchoring notes use (lib/doc/reanchor.ts): the start by the words that open the passage, the
 * end by the words that close it. So a typo fixed inside, a paragraph inserted before or inside, or a paragraph
 * split at the end all leave the passage on the same words. An end whose words are gone moves inward to the nearest
 * paragraph that survived, so the passage shrinks rather than vanishes; null when nothing of it is left. Pure.
 */
import { selectorsFor } from "../doc/anchor";
import { reanchor, type EssayParagraph } from "../doc/reanchor";
import { quotePassage, type Passage } from "./passage";

/** How many characters at each end identify it: enough to be distinctive, few enough to survive nearby edits. */
const END_WORDS = 40;

type Moved = Passage & { quote: string };

export function movePassage(passage: Passage, before: readonly EssayParagraph[], after: readonly EssayParagraph[]): Moved | null {
  const start = findStart(passage, before, after);
  const end = findEnd(passage, before, after);
  if (!start || !end) return null;
  const moved: Passage = { startParagraphId: start.paragraphId, startOffset: start.offset, endParagraphId: end.paragraphId, endOffset: end.offset };
  const quote = quotePassage(after.map((p, position) => ({ ...p, position })), moved);
  return quote === null ? null : { ...moved, quote };
}

type Point = { paragraphId: string; offset: number };

function findStart(passage: Passage, before: readonly EssayParagraph[], after: readonly EssayParagraph[]): Point | null {
  const from = before.findIndex((p) => p.id === passage.startParagraphId);
  const text = before[from]?.text;
  if (text === undefined) return null;
  const stop = passage.endParagraphId === passage.startParagraphId ? passage.endOffset : text.length;
  const words = { start: passage.startOffset, end: Math.min(stop, passage.startOffset + END_WORDS) };
  const placed = words.end > words.start ? reanchor(passage.startParagraphId, selectorsFor(text, words), after) : null;
  if (placed && !placed.orphan) return { paragraphId: placed.paragraphId, offset: placed.start };
  // Its opening words are gone: the passage now opens at the next paragraph of it that survived.
  for (const p of before.slice(from)) {
    const now = after.find((q) => q.id === p.id);
    if (now && now.text.length > 0) return { paragraphId: now.id, offset: 0 };
    if (p.id === passage.endParagraphId) break;
  }
  return null;
}

function findEnd(passage: Passage, before: readonly EssayParagraph[], after: readonly EssayParagraph[]): Point | null {
  const to = before.findIndex((p) => p.id === passage.endParagraphId);
  const text = before[to]?.text;
  if (text === undefined) return null;
  const stop = passage.endParagraphId === passage.startParagraphId ? passage.startOffset : 0;
  // A paragraph split inside the closing words places them by their first part, which is not where the passage
  // ends: fewer closing words, all after the split, say where it does.
  for (const size of [END_WORDS, END_WORDS / 4]) {
    const words = { start: Math.max(stop, passage.endOffset - size), end: passage.endOffset };
    const placed = words.end > words.start ? reanchor(passage.endParagraphId, selectorsFor(text, words), after) : null;
    if (placed && !placed.orphan && placed.review !== "split") return { paragraphId: placed.paragraphId, offset: placed.end };
  }
  // Its closing words are gone: the passage now closes at the end of the last paragraph of it that survived.
  for (const p of before.slice(0, to + 1).reverse()) {
    const now = after.find((q) => q.id === p.id);
    if (now && now.text.length > 0) return { paragraphId: now.id, offset: now.text.length };
    if (p.id === passage.startParagraphId) break;
  }
  return null;
}

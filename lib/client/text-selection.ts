/**
 * Turns the browser's selection into offsets within one paragraph's text. Offsets are counted over the
 * paragraph element's text content, which is exactly the paragraph's text however many <mark> elements the
 * highlights have split it into, so they match what lib/doc/anchor.ts works on.
 */
export const PARAGRAPH_TEXT_ATTRIBUTE = "data-paragraph-text";

export type TextSelection = { paragraphId: string; start: number; end: number; exact: string };

function paragraphTextOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : node?.parentElement;
  return element?.closest<HTMLElement>(`[${PARAGRAPH_TEXT_ATTRIBUTE}]`) ?? null;
}

/** UTF-16 offset of a DOM boundary point within `root`'s text. */
export function offsetWithin(root: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The selected words, when the selection lies in one paragraph. A selection that runs past the paragraph's
 * end over nothing but whitespace (what a triple click makes) counts as ending at the paragraph's end.
 * Leading and trailing spaces are trimmed, as nobody means to highlight them.
 */
export function readSelection(selection: Selection | null): TextSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const element = paragraphTextOf(range.startContainer);
  const paragraphId = element?.getAttribute(PARAGRAPH_TEXT_ATTRIBUTE);
  if (!element || !paragraphId) return null;

  const text = element.textContent ?? "";
  let start = offsetWithin(element, range.startContainer, range.startOffset);
  let end: number;
  if (element.contains(range.endContainer)) {
    end = offsetWithin(element, range.endContainer, range.endOffset);
  } else {
    const beyond = document.createRange();
    beyond.setStartAfter(element);
    beyond.setEnd(range.endContainer, range.endOffset);
    if (beyond.toString().trim() !== "") return null;
    end = text.length;
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  return { paragraphId, start, end, exact: text.slice(start, end) };
}

/** A selection that may run across paragraphs: where it starts and ends (paragraph ids and offsets). */
export type PassageSelection = { startParagraphId: string; startOffset: number; endParagraphId: string; endOffset: number; quote: string };

/**
 * The selected words as a passage, across as many paragraphs as the selection spans (an instructor assigning
 * it). Both ends must lie in paragraphs' text; leading and trailing spaces are left out.
 */
export function readPassage(selection: Selection | null): PassageSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const first = paragraphTextOf(range.startContainer);
  const last = paragraphTextOf(range.endContainer);
  const startParagraphId = first?.getAttribute(PARAGRAPH_TEXT_ATTRIBUTE);
  const endParagraphId = last?.getAttribute(PARAGRAPH_TEXT_ATTRIBUTE);
  if (!first || !last || !startParagraphId || !endParagraphId) return null;
  const firstText = first.textContent ?? "";
  const lastText = last.textContent ?? "";
  let startOffset = offsetWithin(first, range.startContainer, range.startOffset);
  let endOffset = offsetWithin(last, range.endContainer, range.endOffset);
  while (startOffset < firstText.length && /\s/.test(firstText[startOffset]!)) startOffset++;
  while (endOffset > 0 && /\s/.test(lastText[endOffset - 1]!)) endOffset--;
  if (first === last && endOffset <= startOffset) return null;
  if (startOffset >= firstText.length || endOffset <= 0) return null;
  const quote = quoteParagraphs(first, last, startOffset, endOffset);
  return quote ? { startParagraphId, startOffset, endParagraphId, endOffset, quote } : null;
}

/**
 * The passage's words taken from the paragraphs' own text, joined by a blank line as the server quotes it
 * (lib/assignments/passage.ts). Not the range's text: between two paragraphs the page also holds the margin
 * (notes, hints, buttons), whose words a range takes in too.
 */
function quoteParagraphs(first: HTMLElement, last: HTMLElement, startOffset: number, endOffset: number): string {
  const all = [...first.ownerDocument.querySelectorAll<HTMLElement>(`[${PARAGRAPH_TEXT_ATTRIBUTE}]`)];
  const from = all.indexOf(first);
  const to = all.indexOf(last);
  if (from < 0 || to < from) return "";
  return all
    .slice(from, to + 1)
    .map((element, i, within) => (element.textContent ?? "").slice(i === 0 ? startOffset : 0, i === within.length - 1 ? endOffset : undefined))
    .join("\n\n")
    .trim();
}

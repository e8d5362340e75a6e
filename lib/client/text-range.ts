/**
 * Ranges over a paragraph's text, and painting them with the CSS Custom Highlight API, which marks words
 * without adding elements to the text (the highlights' <mark>s stay as they are). Browsers without the API
 * simply show no paint; what is marked is also said in words elsewhere on the page.
 */

/** A DOM range over characters [start, end) of an element's text, across the marks that split it. */
export function rangeIn(element: HTMLElement | null, start: number, end: number): Range | null {
  if (!element || end <= start) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start < seen + length) {
      range.setStart(node, start - seen);
      started = true;
    }
    if (started && end <= seen + length) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen += length;
  }
  return null;
}

type HighlightRegistry = Map<string, unknown>;
type HighlightConstructor = new (...ranges: Range[]) => unknown;

/** Paints `ranges` under `name` (styled by `::highlight(name)` in globals.css); returns what unpaints them. */
export function paintRanges(name: string, ranges: Range[]): () => void {
  const Highlight = (globalThis as unknown as { Highlight?: HighlightConstructor }).Highlight;
  if (typeof CSS === "undefined" || !("highlights" in CSS) || !Highlight || ranges.length === 0) return () => {};
  const registry = (CSS as unknown as { highlights: HighlightRegistry }).highlights;
  registry.set(name, new Highlight(...ranges));
  return () => void registry.delete(name);
}

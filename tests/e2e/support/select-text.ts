import type { Locator, Page } from "@playwright/test";

/**
 * Selects `words` inside the paragraph element with a DOM Range, as a reader's drag would, then releases
 * the mouse over it, which is when Gloss looks at the selection.
 */
export async function selectWords(paragraph: Locator, words: string): Promise<void> {
  await paragraph.evaluate((element, target) => {
    const text = element.textContent ?? "";
    const start = text.indexOf(target);
    if (start < 0) throw new Error(`"${target}" is not in the paragraph`);
    const end = start + target.length;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (seen <= start && start < seen + length) range.setStart(node, start - seen);
      if (seen < end && end <= seen + length) range.setEnd(node, end - seen);
      seen += length;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const box = range.getBoundingClientRect();
    element.dispatchEvent(
      new MouseEvent("mouseup", { bubbles: true, clientX: box.right, clientY: box.bottom - 2 }),
    );
  }, words);
}

/**
 * Selects with the mouse, as a reader drags: presses at the first letter of `from.words` in its paragraph and
 * releases after the last letter of `to.words` in its own, which may be a later paragraph. The passage is
 * scrolled into the middle of the window first, so both ends are on screen (and below the sticky room bar).
 */
export async function dragToSelect(
  page: Page,
  from: { paragraph: Locator; words: string },
  to: { paragraph: Locator; words: string },
): Promise<void> {
  const edge = (paragraph: Locator, words: string, side: "start" | "end") =>
    paragraph.evaluate(
      (element, { target, side }) => {
        const text = element.textContent ?? "";
        const at = text.indexOf(target);
        if (at < 0) throw new Error(`"${target}" is not in the paragraph`);
        // The one letter at this end of the words: its box says where to press or release.
        const letter = side === "start" ? at : at + target.length - 1;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0;
          if (seen <= letter && letter < seen + length) {
            const range = document.createRange();
            range.setStart(node, letter - seen);
            range.setEnd(node, letter - seen + 1);
            const box = range.getBoundingClientRect();
            return { x: side === "start" ? box.left + 1 : box.right - 1, y: box.top + box.height / 2 };
          }
          seen += length;
        }
        throw new Error("no text node holds the letter");
      },
      { target: words, side },
    );

  const viewport = page.viewportSize()!;
  const first = await edge(from.paragraph, from.words, "start");
  const last = await edge(to.paragraph, to.words, "end");
  const delta = (first.y + last.y) / 2 - viewport.height / 2;
  await page.evaluate((top) => window.scrollBy({ top, behavior: "instant" }), delta);
  const start = await edge(from.paragraph, from.words, "start");
  const end = await edge(to.paragraph, to.words, "end");
  for (const point of [start, end]) {
    if (point.y < 80 || point.y > viewport.height - 10) throw new Error(`the passage does not fit in the window (${JSON.stringify({ start, end })})`);
  }
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
}

import type { Locator } from "@playwright/test";

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

"use client";

import { useEffect, useRef } from "react";
import { stepSelection, type Step } from "./keyboard-selection";
import { rangeIn } from "./text-range";
import { PARAGRAPH_TEXT_ATTRIBUTE, readSelection, type TextSelection } from "./text-selection";

type Picking = {
  enabled: boolean;
  /**
   * `h`: highlight the picked words in the last colour used. Given the words read from the selection at the key
   * press: the room's own selection state follows a frame later, and a quick typist is faster.
   */
  onHighlight: (picked: TextSelection) => void;
  /** `c` or Enter: comment on them. */
  onComment: (picked: TextSelection) => void;
};

/** Keys while a paragraph has focus; ArrowUp/Down pick sentences only once picking has started, else they scroll. */
function stepFor(event: KeyboardEvent, picking: boolean): Step | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case "ArrowRight":
      return event.shiftKey ? "extend-word" : "next-word";
    case "ArrowLeft":
      return event.shiftKey ? "shrink-word" : "previous-word";
    case "ArrowDown":
      return picking ? (event.shiftKey ? "extend-sentence" : "next-sentence") : null;
    case "ArrowUp":
      return picking && !event.shiftKey ? "previous-sentence" : null;
    default:
      return null;
  }
}

/**
 * Annotating with the keyboard alone: Tab to a paragraph, then the arrow keys pick words (Shift+arrows extend the
 * pick, Up and Down move by sentence) and `h` or `c` highlights or comments. The pick is a real selection, so the
 * selection toolbar, its announcement and Tab into it work as after a mouse drag. A caret placed by the browser's
 * caret browsing (a collapsed selection in the paragraph) is left to the browser.
 */
export function useKeyboardPicking({ enabled, onHighlight, onComment }: Picking) {
  const actions = useRef({ onHighlight, onComment });
  actions.current = { onHighlight, onComment };

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const paragraph = document.activeElement;
      if (!(paragraph instanceof HTMLElement) || !paragraph.hasAttribute(PARAGRAPH_TEXT_ATTRIBUTE) || event.defaultPrevented) return;
      const browserSelection = window.getSelection();
      const inside = browserSelection && browserSelection.rangeCount > 0 && paragraph.contains(browserSelection.anchorNode);
      if (inside && browserSelection.isCollapsed) return;
      const current = inside ? readSelection(browserSelection) : null;
      const picked = current ? { start: current.start, end: current.end } : null;

      if (current && !event.ctrlKey && !event.metaKey && !event.altKey) {
        if (event.key === "h") return void (event.preventDefault(), actions.current.onHighlight(current));
        if (event.key === "c" || event.key === "Enter") return void (event.preventDefault(), actions.current.onComment(current));
      }
      const step = stepFor(event, picked !== null);
      if (!step) return;
      const next = stepSelection(paragraph.textContent ?? "", picked, step);
      const range = next && rangeIn(paragraph, next.start, next.end);
      if (!range) return;
      event.preventDefault();
      browserSelection?.removeAllRanges();
      browserSelection?.addRange(range);
      (range.startContainer.parentElement ?? paragraph).scrollIntoView({ block: "nearest" });
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}

"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { readSelection, type TextSelection } from "./text-selection";

export type Placement = { top: number; left: number; above: boolean };
export type PendingSelection = TextSelection & { placement: Placement };

/** Room kept clear at the top of the window (the sticky room bar); a toolbar there goes below the words. */
const TOP_CLEARANCE = 120;
const TOOLBAR_HALF_WIDTH = 185;

function placementFor(range: Range, column: HTMLElement): Placement {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  const first = rects[0] ?? range.getBoundingClientRect();
  const last = rects.at(-1) ?? first;
  const box = column.getBoundingClientRect();
  const above = first.top > TOP_CLEARANCE;
  // Centred over the first line when above, under the last line when below; kept inside the column.
  const line = above ? first : last;
  const centre = line.left + line.width / 2 - box.left;
  const left = Math.max(TOOLBAR_HALF_WIDTH - 24, Math.min(centre, box.width - TOOLBAR_HALF_WIDTH + 24));
  return { top: above ? first.top - box.top - 8 : last.bottom - box.top + 8, left, above };
}

/** How long a touch selection must rest before the toolbar shows: its handles are dragged in many small steps. */
const TOUCH_SETTLE_MS = 250;

/**
 * The words the reader has selected in one paragraph, with where to show the toolbar. Updated when a mouse
 * button or a key is released (a keyboard selection is made with Shift+arrows), ignoring events inside the
 * toolbar itself so that using it does not close it. On touch screens a selection is made and adjusted with the
 * system's handles, which fire no mouseup: there the selection is read once it has stopped changing. `clear` drops
 * the selection after an action.
 */
export function useTextSelection(enabled: boolean, toolbar: RefObject<HTMLElement | null>) {
  const [selection, setSelection] = useState<PendingSelection | null>(null);
  const frame = useRef(0);

  useEffect(() => {
    if (!enabled) {
      setSelection(null);
      return;
    }
    const update = (event: Event) => {
      const target = event.target instanceof Node ? event.target : null;
      if (target && toolbar.current?.contains(target)) return;
      if (target instanceof HTMLElement && target.closest("textarea, input")) return;
      cancelAnimationFrame(frame.current);
      // Next frame: a click that collapses the selection has taken effect by then.
      frame.current = requestAnimationFrame(() => {
        const browserSelection = window.getSelection();
        const selected = readSelection(browserSelection);
        const column = selected && document.getElementById(`p-${selected.paragraphId}`)?.closest<HTMLElement>("[data-text-column]");
        if (!selected || !column || !browserSelection) {
          setSelection(null);
          return;
        }
        setSelection({ ...selected, placement: placementFor(browserSelection.getRangeAt(0), column) });
      });
    };
    let touching = false;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const onPointerDown = (event: PointerEvent) => {
      touching = event.pointerType === "touch";
    };
    const onSelectionChange = (event: Event) => {
      if (!touching) return;
      clearTimeout(settle);
      settle = setTimeout(() => update(event), TOUCH_SETTLE_MS);
    };
    document.addEventListener("mouseup", update);
    document.addEventListener("keyup", update);
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("selectionchange", onSelectionChange);
    return () => {
      cancelAnimationFrame(frame.current);
      clearTimeout(settle);
      document.removeEventListener("mouseup", update);
      document.removeEventListener("keyup", update);
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("selectionchange", onSelectionChange);
    };
  }, [enabled, toolbar]);

  const clear = useCallback(() => {
    setSelection(null);
    window.getSelection()?.removeAllRanges();
  }, []);
  return { selection, clear };
}

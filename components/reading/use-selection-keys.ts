"use client";

import { useLayoutEffect, type RefObject } from "react";
import type { PendingSelection } from "@/lib/client/use-text-selection";

/**
 * While the toolbar is open, Tab from the selection enters it and Escape closes it (focus then returns to the
 * paragraph if it was in the toolbar). Tab is routed explicitly because browsers differ on where sequential focus
 * continues after a keyboard (caret browsing) selection. A layout effect, so the key is routed from the moment the
 * toolbar is painted, not a moment later.
 */
export function useSelectionKeys(selection: PendingSelection | null, toolbarRef: RefObject<HTMLDivElement | null>, clearSelection: () => void) {
  useLayoutEffect(() => {
    if (!selection) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const toolbar = toolbarRef.current;
      const inToolbar = toolbar?.contains(document.activeElement) ?? false;
      if (event.key === "Tab" && !event.shiftKey && !inToolbar && toolbar) {
        // Wherever focus was left (the page, the paragraph, a thread card), Tab with words selected goes to the
        // toolbar; only a field being typed in keeps its own Tab.
        const active = document.activeElement;
        const typing = active instanceof HTMLElement && (active.isContentEditable || active.matches("input, textarea, select"));
        if (!typing) {
          event.preventDefault();
          toolbar.querySelector("button")?.focus();
        }
        return;
      }
      if (event.key !== "Escape") return;
      const paragraphId = selection.paragraphId;
      event.preventDefault();
      clearSelection();
      if (inToolbar) document.getElementById(`p-${paragraphId}`)?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [selection, clearSelection, toolbarRef]);
}

"use client";

import { useLayoutEffect, type RefObject } from "react";

/** Same width as the `wide` breakpoint in app/globals.css, where the margin moves beside the text. */
const WIDE = "(min-width: 68rem)";
const GAP = 12;

/**
 * Places each paragraph's notes in the margin as close to the paragraph as possible without overlapping the
 * notes above them. A long discussion thus runs down the margin beside the following paragraphs instead of
 * pushing them apart; the notes never enter the text column. Below the wide breakpoint the notes simply
 * follow their paragraph and nothing is positioned.
 *
 * Expects, inside `container`: `[data-margin-group]` elements (absolutely positioned on wide screens) whose
 * parent sits at the top of their paragraph's row, rows marked `[data-paragraph-row]`, and one
 * `[data-margin-spacer]` after the last row that makes room for notes running past the end of the essay.
 */
export function useMarginLayout(container: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const media = window.matchMedia(WIDE);
    const spacer = root.querySelector<HTMLElement>("[data-margin-spacer]");

    const layout = () => {
      const groups = [...root.querySelectorAll<HTMLElement>("[data-margin-group]")];
      if (!media.matches) {
        for (const group of groups) group.style.top = "";
        if (spacer) spacer.style.height = "";
        return;
      }
      const rootTop = root.getBoundingClientRect().top;
      let bottom = -Infinity;
      for (const group of groups) {
        const anchorTop = group.parentElement!.getBoundingClientRect().top - rootTop;
        const top = Math.max(anchorTop, bottom + GAP);
        group.style.top = `${top - anchorTop}px`;
        bottom = top + group.offsetHeight;
      }
      const rows = root.querySelectorAll<HTMLElement>("[data-paragraph-row]");
      const lastRow = rows[rows.length - 1];
      const textBottom = lastRow ? lastRow.getBoundingClientRect().bottom - rootTop : 0;
      if (spacer) spacer.style.height = `${Math.max(0, Math.ceil(bottom - textBottom))}px`;
    };

    layout();
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), layout()));
    };
    const observer = new ResizeObserver(schedule);
    observer.observe(root);
    for (const group of root.querySelectorAll("[data-margin-group]")) observer.observe(group);
    media.addEventListener("change", schedule);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      media.removeEventListener("change", schedule);
    };
  });
}

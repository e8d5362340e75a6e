"use client";

import { useCallback, useEffect, useState } from "react";
import { NARROW_SCREEN, useMediaQuery } from "@/lib/client/use-media-query";

export type SheetControl = { open: boolean; onOpen: () => void; onClose: () => void };

/**
 * The phone's bottom sheet of notes (margin-sheet.tsx): which paragraph it shows, if any, and keeping the words under
 * discussion in sight above it. A paragraph being written on takes the sheet over; closing the sheet closes that
 * composer too and gives focus back under the paragraph. On wider screens there is no sheet: everything is null.
 */
export function useMarginSheet({ composingIn, activeId, closeComposer }: { composingIn: string | null; activeId: string | null; closeComposer: () => void }) {
  const phone = useMediaQuery(NARROW_SCREEN);
  const [chosen, setChosen] = useState<string | null>(null);
  const openFor = phone ? (composingIn ?? chosen) : null;

  useEffect(() => {
    if (!openFor) return;
    const frame = requestAnimationFrame(() => keepInSight(openFor, activeId));
    return () => cancelAnimationFrame(frame);
    // Only when the sheet opens or changes paragraph: the reader's own scrolling afterwards is theirs.
    // (activeId is read as it is at that moment.)
  }, [openFor]);

  const close = useCallback(() => {
    setChosen(null);
    closeComposer();
    if (!openFor) return;
    requestAnimationFrame(() => {
      const opener = document.querySelector<HTMLElement>(`[data-sheet-opener="${CSS.escape(openFor)}"]`);
      (opener ?? document.getElementById(`p-${openFor}`))?.focus({ preventScroll: true });
    });
  }, [openFor, closeComposer]);

  return {
    phone,
    openFor,
    /** Opens the sheet on a paragraph's notes (a no-op off phones). */
    show: useCallback((paragraphId: string) => phone && setChosen(paragraphId), [phone]),
    /** Lets the essay be seen whole again, focus left where it is (showing a note's words in the text). */
    hide: useCallback(() => setChosen(null), []),
    /** What a paragraph row needs to offer and show its sheet; null off phones. */
    controlFor: (paragraphId: string): SheetControl | null =>
      phone
        ? {
            open: openFor === paragraphId,
            onOpen: () => {
              closeComposer();
              setChosen(paragraphId);
            },
            onClose: close,
          }
        : null,
  };
}

/**
 * Scrolls so the words under discussion sit between the sticky room bar and the sheet: the selection being commented
 * on, else the active note's highlight, else the paragraph's first line. Left alone when already there.
 */
function keepInSight(paragraphId: string, activeId: string | null) {
  const sheet = document.querySelector<HTMLElement>("[data-margin-sheet]");
  const paragraph = document.getElementById(`p-${paragraphId}`);
  if (!sheet || !paragraph) return;
  const target =
    paragraph.querySelector<HTMLElement>(".gloss-draft") ??
    (activeId ? paragraph.querySelector<HTMLElement>(`mark[data-annotation-ids~="${CSS.escape(activeId)}"]`) : null) ??
    paragraph;
  const bar = document.querySelector<HTMLElement>("[data-room-bar]")?.getBoundingClientRect();
  const { top, height } = target.getBoundingClientRect();
  const sheetTop = sheet.getBoundingClientRect().top;
  if (top >= (bar?.bottom ?? 0) + 8 && top + Math.min(height, (sheetTop - (bar?.bottom ?? 0)) / 2) <= sheetTop - 8) return;
  // The bar sticks to the top once the page scrolls past it, so aim below its height, not where it is now.
  const under = (bar?.height ?? 0) + Math.min(48, (sheetTop - (bar?.height ?? 0)) / 4);
  window.scrollBy({ top: top - under, behavior: "smooth" });
}

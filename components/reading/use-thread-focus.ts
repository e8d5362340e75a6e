"use client";

import { useCallback, useEffect, useMemo, useRef } from "react";
import type { useMarginSheet } from "./use-margin-sheet";
import type { useShownThreads } from "./use-shown-threads";

type Options = {
  shown: ReturnType<typeof useShownThreads>["shown"];
  filtering: boolean;
  sheet: ReturnType<typeof useMarginSheet>;
  /** The room's notes have loaded: a link's thread can be found. */
  synced: boolean;
  setActiveId: (annotationId: string) => void;
  /** Says why a note cannot be shown (the filters hide it). */
  onHidden: (message: string) => void;
};

/**
 * Moving between a note's words and its thread, both ways: from a highlight (or a link to a thread, such as a
 * notification's) to its card, opening the phone's sheet when the card is in it; and from a card back to its words.
 */
export function useThreadFocus({ shown, filtering, sheet, synced, setActiveId, onHidden }: Options) {
  const { phone, show: showSheet, hide: hideSheet } = sheet;
  // Which paragraph's margin shows each thread now (after a revision that can differ from where it was written).
  const shownAt = useMemo(() => {
    const at = new Map<string, string>();
    for (const [paragraphId, { threads }] of shown.perParagraph) for (const thread of threads) at.set(thread.annotation.id, paragraphId);
    return at;
  }, [shown]);

  const focusThread = useCallback(
    (annotationId: string) => {
      setActiveId(annotationId);
      const reveal = () => {
        const card = document.getElementById(`thread-${annotationId}`);
        if (!card) {
          if (filtering) onHidden("That note is hidden by your filters. Clear them to see it.");
          return;
        }
        card.focus({ preventScroll: true });
        card.scrollIntoView({ block: "nearest", behavior: "smooth" });
      };
      const paragraphId = shownAt.get(annotationId);
      // On a phone the card is in the bottom sheet, rendered once the sheet opens on its paragraph.
      if (phone && paragraphId && !document.getElementById(`thread-${annotationId}`)) {
        showSheet(paragraphId);
        requestAnimationFrame(reveal);
      } else reveal();
    },
    [filtering, phone, showSheet, shownAt, setActiveId, onHidden],
  );

  // A link to a thread opens it once the room's notes have loaded.
  const openedFromLink = useRef(false);
  useEffect(() => {
    if (openedFromLink.current || !synced) return;
    const wanted = /^#thread-([A-Za-z0-9_-]+)$/.exec(window.location.hash)?.[1];
    if (!wanted) return void (openedFromLink.current = true);
    if (!document.getElementById(`thread-${wanted}`) && !(phone && shownAt.has(wanted))) return;
    openedFromLink.current = true;
    focusThread(wanted);
  }, [synced, focusThread, phone, shownAt]);

  const showInText = useCallback(
    (annotationId: string) => {
      setActiveId(annotationId);
      // On a phone the sheet would cover the words: it makes way.
      hideSheet();
      const mark = document.querySelector<HTMLElement>(`mark[data-annotation-ids~="${CSS.escape(annotationId)}"]`);
      mark?.scrollIntoView({ block: "center", behavior: "smooth" });
    },
    [hideSheet, setActiveId],
  );

  return { focusThread, showInText };
}

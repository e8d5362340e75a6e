"use client";

import { useEffect, useState } from "react";
import { readPassage, type PassageSelection } from "./text-selection";

/** The passage the reader has selected, across paragraphs if need be; updated as mouse and keys are released. */
export function useSelectedPassage(enabled: boolean): PassageSelection | null {
  const [passage, setPassage] = useState<PassageSelection | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let frame = 0;
    const update = (event: Event) => {
      if (event.target instanceof HTMLElement && event.target.closest("textarea, input, [data-assign-passage]")) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setPassage(readPassage(window.getSelection())));
    };
    document.addEventListener("mouseup", update);
    document.addEventListener("keyup", update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("mouseup", update);
      document.removeEventListener("keyup", update);
    };
  }, [enabled]);
  return enabled ? passage : null;
}

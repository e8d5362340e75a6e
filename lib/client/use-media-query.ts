"use client";

import { useSyncExternalStore } from "react";

/** Whether `query` matches now, following changes; false on the server and before hydration. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Phones: the toolbar docks at the bottom of the screen and each paragraph's notes open in a bottom sheet. */
export const NARROW_SCREEN = "(max-width: 639px)";

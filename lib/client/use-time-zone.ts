"use client";

import { useHydrated } from "./use-hydrated";

/**
 * The reader's time zone, from their browser; null in the server render and during hydration, when it is not
 * known yet (pages then show UTC, saying so, and switch once hydrated).
 */
export function useTimeZone(): string | null {
  const hydrated = useHydrated();
  return hydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : null;
}

"use client";

import { useEffect, useState } from "react";

/** Whether `condition` has held for `ms` without a break: for notices that would only flash, and move the page, if shown at once. */
export function useHeldFor(condition: boolean, ms: number): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!condition) return setHeld(false);
    const timer = setTimeout(() => setHeld(true), ms);
    return () => clearTimeout(timer);
  }, [condition, ms]);
  return condition && held;
}

"use client";

import { useEffect } from "react";

/** Asks the browser to confirm leaving while a comment is not yet saved on the server. */
export function WarnBeforeLeaving({ when }: { when: boolean }) {
  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [when]);
  return null;
}

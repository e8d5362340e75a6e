"use client";

import { useEffect } from "react";
import type { WebsocketProvider } from "y-websocket";

/**
 * Tells the room which paragraph this reader is on: the first paragraph crossing a band in the upper
 * part of the window. Sent through awareness only when it changes, so scrolling stays cheap.
 */
export function useReadingTracker(provider: WebsocketProvider | null, paragraphIds: string[]) {
  useEffect(() => {
    if (!provider || typeof IntersectionObserver === "undefined") return;
    const inBand = new Set<string>();
    let current: string | null = null;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.paragraphId;
          if (!id) continue;
          if (entry.isIntersecting) inBand.add(id);
          else inBand.delete(id);
        }
        const first = paragraphIds.find((id) => inBand.has(id)) ?? current;
        if (first !== current) {
          current = first;
          provider.awareness.setLocalStateField("reading", current);
        }
      },
      { rootMargin: "-25% 0px -55% 0px" },
    );
    for (const id of paragraphIds) {
      const element = document.getElementById(`p-${id}`);
      if (element) observer.observe(element);
    }
    return () => observer.disconnect();
  }, [provider, paragraphIds]);
}

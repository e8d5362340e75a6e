"use client";

import { useEffect } from "react";
import type { WebsocketProvider } from "y-websocket";

/** At most one presence message per this many milliseconds: the server closes connections that flood presence. */
const SEND_EVERY_MS = 250;

/**
 * Tells the room which paragraph this reader is on: the first paragraph crossing a band in the upper
 * part of the window. Sent through awareness only when it changes, and no more than four times a second
 * (the last position always goes out), so a fast scroll through the essay stays cheap.
 */
export function useReadingTracker(provider: WebsocketProvider | null, paragraphIds: string[]) {
  useEffect(() => {
    if (!provider || typeof IntersectionObserver === "undefined") return;
    const inBand = new Set<string>();
    let current: string | null = null;
    let sentAt = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const send = () => {
      timer = null;
      sentAt = Date.now();
      if (provider.awareness.getLocalState()?.reading !== current) provider.awareness.setLocalStateField("reading", current);
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.paragraphId;
          if (!id) continue;
          if (entry.isIntersecting) inBand.add(id);
          else inBand.delete(id);
        }
        const first = paragraphIds.find((id) => inBand.has(id)) ?? current;
        if (first === current) return;
        current = first;
        if (timer === null) timer = setTimeout(send, Math.max(0, sentAt + SEND_EVERY_MS - Date.now()));
      },
      { rootMargin: "-25% 0px -55% 0px" },
    );
    for (const id of paragraphIds) {
      const element = document.getElementById(`p-${id}`);
      if (element) observer.observe(element);
    }
    return () => {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
    };
  }, [provider, paragraphIds]);
}

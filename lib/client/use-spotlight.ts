"use client";

import { useCallback, useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type { Spotlight } from "../live/presence";
import type { Reader } from "./use-presence";

/** The name under which the spotlighted words are painted (globals.css, `::highlight(gloss-spotlight)`). */
const HIGHLIGHT_NAME = "gloss-spotlight";

/**
 * Live seminar mode: the passage an instructor puts in front of the class, carried in their presence (the
 * server keeps a spotlight only from instructors). Everyone sees the words marked; readers who choose to
 * follow have it scrolled into view whenever it moves. Following is remembered per room on this device.
 */
export function useSpotlight(provider: WebsocketProvider | null, readers: Reader[], roomId: string) {
  const owner = readers.find((reader) => reader.spotlight !== null) ?? null;
  const spotlight = owner?.spotlight ?? null;
  const mine = owner?.isMe ?? false;
  const storageKey = `gloss:follow:${roomId}`;
  const [following, setFollowingState] = useState(false);
  useEffect(() => setFollowingState(localStorage.getItem(storageKey) === "1"), [storageKey]);
  const setFollowing = useCallback(
    (on: boolean) => {
      setFollowingState(on);
      localStorage.setItem(storageKey, on ? "1" : "0");
    },
    [storageKey],
  );

  const set = useCallback((next: Spotlight | null) => provider?.awareness.setLocalStateField("spotlight", next), [provider]);

  const where = spotlight ? `${spotlight.paragraphId}:${spotlight.start}:${spotlight.end}` : null;
  useEffect(() => {
    if (!spotlight || !following || mine) return;
    document.getElementById(`p-${spotlight.paragraphId}`)?.scrollIntoView({ block: "center", behavior: "smooth" });
    // `where` stands for the spotlight's position: follow it when it moves, not on every presence change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [where, following, mine]);

  useEffect(() => {
    if (!spotlight || typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const range = rangeIn(document.getElementById(`p-${spotlight.paragraphId}`), spotlight.start, spotlight.end);
    if (!range) return;
    const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
    registry.set(HIGHLIGHT_NAME, new (globalThis as unknown as { Highlight: new (r: Range) => unknown }).Highlight(range));
    return () => void registry.delete(HIGHLIGHT_NAME);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [where]);

  return { spotlight, by: owner, mine, following, setFollowing, set };
}

/** A DOM range over characters [start, end) of an element's text, across the marks that split it. */
function rangeIn(element: HTMLElement | null, start: number, end: number): Range | null {
  if (!element) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start < seen + length) {
      range.setStart(node, start - seen);
      started = true;
    }
    if (started && end <= seen + length) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen += length;
  }
  return null;
}

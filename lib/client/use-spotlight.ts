"use client";

import { useCallback, useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type { Spotlight } from "../live/presence";
import { paintRanges, rangeIn } from "./text-range";
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
    if (!spotlight) return;
    const range = rangeIn(document.getElementById(`p-${spotlight.paragraphId}`), spotlight.start, spotlight.end);
    return range ? paintRanges(HIGHLIGHT_NAME, [range]) : undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [where]);

  return { spotlight, by: owner, mine, following, setFollowing, set };
}

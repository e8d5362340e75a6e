"use client";

import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import { SpotlightSchema, type Spotlight } from "../live/presence";
import { colorFor } from "../presence/color";

export type Reader = { id: string; name: string; reading: string | null; isMe: boolean; spotlight: Spotlight | null };

/**
 * Who has the essay open, from awareness: one entry per person (several tabs count once), with the
 * paragraph they are reading. Names are the ones the server put there from each session.
 */
export function usePresence(provider: WebsocketProvider | null, myId: string): Reader[] {
  const [readers, setReaders] = useState<Reader[]>([]);

  useEffect(() => {
    if (!provider) return;
    const awareness = provider.awareness;
    const update = () => {
      const byUser = new Map<string, Reader>();
      const myClient = awareness.clientID;
      for (const [clientId, state] of awareness.getStates()) {
        const user = state?.user as { id?: unknown; name?: unknown } | undefined;
        if (!user || typeof user.id !== "string" || typeof user.name !== "string") continue;
        const reader: Reader = {
          id: user.id,
          name: user.name,
          reading: typeof state.reading === "string" ? state.reading : null,
          spotlight: SpotlightSchema.safeParse(state.spotlight).data ?? null,
          isMe: user.id === myId,
        };
        // Prefer this tab's own state for me; otherwise the first one seen.
        if (!byUser.has(user.id) || clientId === myClient) byUser.set(user.id, reader);
      }
      setReaders(
        [...byUser.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name)),
      );
    };
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [provider, myId]);

  return readers;
}

/** The same colour the server gives this reader (lib/presence/color.ts), "you" included. */
export function readerColor(reader: Reader): string {
  return colorFor(reader.id);
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts.slice(0, 1);
  return letters.map((p) => Array.from(p)[0]!.toUpperCase()).join("") || "?";
}

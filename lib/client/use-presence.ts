"use client";

import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";

export type Reader = { id: string; name: string; color: string | null; reading: string | null; isMe: boolean };

const FALLBACK_COLOR = "#5b6169";

/**
 * Who has the essay open, from awareness: one entry per person (several tabs count once), with the
 * paragraph they are reading. Names and colours are the ones the server put there from each session.
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
        const user = state?.user as { id?: unknown; name?: unknown; color?: unknown } | undefined;
        if (!user || typeof user.id !== "string" || typeof user.name !== "string") continue;
        const reader: Reader = {
          id: user.id,
          name: user.name,
          color: typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : null,
          reading: typeof state.reading === "string" ? state.reading : null,
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

export function readerColor(reader: Reader): string {
  // The server colours everyone else; this tab's own state is the local one, so "you" get the accent.
  if (reader.isMe) return "var(--color-accent)";
  return reader.color ?? FALLBACK_COLOR;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts.slice(0, 1);
  return letters.map((p) => Array.from(p)[0]!.toUpperCase()).join("") || "?";
}

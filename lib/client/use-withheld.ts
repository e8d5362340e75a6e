"use client";

import { useEffect, useState } from "react";
import type { WithheldText } from "../rooms/get-withheld-comments.server";

/**
 * For instructors: the text of hidden comments, which the live document does not carry (server/moderation.ts),
 * fetched again whenever the set of hidden comments in view changes.
 */
export function useWithheld(roomId: string, enabled: boolean, withheldIds: readonly string[]): Map<string, WithheldText> {
  const [texts, setTexts] = useState<Map<string, WithheldText>>(() => new Map());
  const wanted = withheldIds.filter((id) => !texts.has(id)).sort().join(",");
  useEffect(() => {
    if (!enabled || wanted === "") return;
    let cancelled = false;
    fetch(`/api/rooms/${encodeURIComponent(roomId)}/withheld`, { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ comments: WithheldText[] }>) : null))
      .then((answer) => {
        if (!cancelled && answer) setTexts(new Map(answer.comments.map((c) => [c.id, c])));
      })
      .catch(() => {
        // Offline: the stubs stay until the next change brings another try.
      });
    return () => {
      cancelled = true;
    };
  }, [roomId, enabled, wanted]);
  return texts;
}

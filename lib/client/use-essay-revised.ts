"use client";

import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import { serverNow } from "./server-clock";

/**
 * Whether the essay was revised after this page opened: the websocket server says so in its own presence entry
 * (`essayRevisedAt`, server/room.ts), which pages opened later also receive, with an earlier time.
 */
export function useEssayRevised(provider: WebsocketProvider | null): boolean {
  const [revised, setRevised] = useState(false);
  useEffect(() => {
    if (!provider) return;
    const openedAt = serverNow();
    const check = () => {
      for (const state of provider.awareness.getStates().values()) {
        const at = (state as { essayRevisedAt?: unknown } | null)?.essayRevisedAt;
        if (typeof at === "number" && at > openedAt) return setRevised(true);
      }
    };
    provider.awareness.on("change", check);
    return () => provider.awareness.off("change", check);
  }, [provider]);
  return revised;
}

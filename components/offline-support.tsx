"use client";

import { useEffect } from "react";
import { clearOfflineCopies } from "@/lib/client/offline-storage";

/** Whose reading this browser keeps (a user id), so a different person signing in finds none of it. */
const OWNER_KEY = "gloss-offline-owner";

/**
 * Registers public/sw.js, which keeps reading pages for a reload without a connection. Only in a production build:
 * in development the worker would serve stale pages while the code changes under them.
 */
export function OfflineSupport() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js").catch((error: unknown) => console.warn("Gloss: offline reading is unavailable", error));
  }, []);
  return null;
}

/** Deletes what the service worker kept (on sign-out: the pages are someone's own). */
export async function clearOfflinePages(): Promise<void> {
  if (typeof caches === "undefined") return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith("gloss-pages")).map((name) => caches.delete(name)));
}

/**
 * Keeps what this browser holds for reading offline to the person using it, when a session ends without the
 * sign-out button (it expired, or another device changed the password):
 * - on a signed-out page, the kept pages go at once (they show someone's name and rooms to whoever opens the
 *   browser offline); their owner's room copies stay, since they may hold changes not yet sent, which go out
 *   when that person signs in again;
 * - when someone else signs in, the earlier person's copies go too.
 */
export function OfflineOwner({ userId }: { userId: string | null }) {
  useEffect(() => {
    const clear = async () => {
      if (userId === null) return clearOfflinePages();
      if (localStorage.getItem(OWNER_KEY) === userId) return;
      await Promise.all([clearOfflinePages(), clearOfflineCopies(userId)]);
      localStorage.setItem(OWNER_KEY, userId);
    };
    clear().catch((error: unknown) => console.warn("Gloss: could not clear another person's offline copies", error));
  }, [userId]);
  return null;
}

"use client";

import { useEffect } from "react";

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

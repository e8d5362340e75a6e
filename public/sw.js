// Gloss's service worker: lets a reader who lost the connection reload an essay they had open and keep working
// (the notes themselves come from IndexedDB, lib/client/offline-copy.ts). It keeps only what that needs:
// - reading pages (/essays/…, /seminars/…/essays/…): network first, the last copy when the network fails;
// - Next's build files (/_next/static/…): they never change under one name, so the cached copy is used.
// Everything else goes to the network untouched. Signing out deletes the caches (components/sign-out-button.tsx).
const PAGES = "gloss-pages-v1";
const STATIC = "gloss-static-v1";
const READING_PAGE = /^\/(essays\/[^/]+|seminars\/[^/]+\/essays\/[^/]+)\/?$/;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== PAGES && name !== STATIC).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(
      caches.open(STATIC).then(async (cache) => {
        const cached = await cache.match(request);
        if (cached) return cached;
        const response = await fetch(request);
        if (response.ok) cache.put(request, response.clone());
        return response;
      }),
    );
    return;
  }
  // Whole-page loads only: a client-side navigation's data request (RSC) must come from the server.
  if (request.mode !== "navigate" || !READING_PAGE.test(url.pathname)) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        // A redirect (to sign in) or an error page is not the reading page to fall back on. The copy is taken now:
        // once the page has read the body, it can no longer be cloned.
        if (response.ok && !response.redirected) {
          const copy = response.clone();
          event.waitUntil(caches.open(PAGES).then((cache) => cache.put(url.pathname, copy)));
        }
        return response;
      })
      .catch(async () => (await caches.match(url.pathname, { cacheName: PAGES })) ?? offlinePage()),
  );
});

function offlinePage() {
  const body = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline · Gloss</title>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1c1b19;background:#fbfaf7">
<h1 style="font-family:Georgia,serif">You are offline</h1><p>This page has not been opened on this device before, so there is no copy to show. Essays you had open can be read and annotated offline; the rest comes back with the connection.</p></body></html>`;
  return new Response(body, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
}

"use client";

import type { Connection } from "@/lib/client/use-room";

/** Shown when the server ended the connection for good; says why and what the reader can do. */
export function ClosedBanner({ connection }: { connection: Extract<Connection, { state: "closed" }> }) {
  const here = typeof window === "undefined" ? "/" : window.location.pathname;
  return (
    <div role="alert" className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-danger/30 bg-danger/5 px-4 py-3 font-sans text-sm text-ink">
      <p className="min-w-0 flex-1">{connection.message}</p>
      {connection.code === 4401 ? (
        <a href={`/sign-in?next=${encodeURIComponent(here)}`} className="rounded-md bg-accent px-3 py-1.5 font-medium text-white hover:bg-accent-strong">
          Sign in again
        </a>
      ) : connection.code !== 4403 && connection.code !== 4404 ? (
        <button type="button" onClick={() => window.location.reload()} className="rounded-md bg-accent px-3 py-1.5 font-medium text-white hover:bg-accent-strong">
          Reload
        </button>
      ) : null}
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

type State = "connecting" | "live" | "reconnecting";

/**
 * Keeps the dashboard current while students work: listens to the assignment's event stream (the version of the
 * room's rows) and re-renders the page on the server when a version arrives that differs from the one this render
 * came from. One refresh at a time; versions that arrive meanwhile fold into one more. A render newer than a
 * message (versions are not ordered) costs at most one refresh too many, never a loop. Client state (the
 * table's sort) stays.
 */
export function LiveDashboard({ eventsUrl, version }: { eventsUrl: string; version: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>("connecting");
  const [refreshing, startTransition] = useTransition();
  const [stale, setStale] = useState(false);
  const rendered = useRef(version);
  rendered.current = version;

  useEffect(() => {
    const source = new EventSource(eventsUrl);
    source.onopen = () => setState("live");
    // EventSource retries by itself; until it is back, say so rather than pretend the page is current.
    source.onerror = () => setState("reconnecting");
    source.onmessage = (event) => {
      try {
        const { version: latest } = JSON.parse(event.data as string) as { version?: unknown };
        if (typeof latest === "string" && latest !== rendered.current) setStale(true);
        setState("live");
      } catch {
        // A malformed message changes nothing.
      }
    };
    return () => source.close();
  }, [eventsUrl]);

  useEffect(() => {
    if (!stale || refreshing) return;
    setStale(false);
    startTransition(() => router.refresh());
  }, [stale, refreshing, router]);

  return (
    <p role="status" className="inline-flex items-center gap-2 text-sm text-muted">
      <span aria-hidden="true" className={`block size-2 rounded-full ${state === "live" ? "animate-pulse bg-[#2f8f4e]" : "bg-line"}`} />
      <span data-live-status>{state === "live" ? "Live" : state === "connecting" ? "Connecting…" : "Reconnecting…"}</span>
      {state === "live" ? <span className="sr-only">: this page updates as students write.</span> : null}
    </p>
  );
}

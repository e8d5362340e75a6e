"use client";

import { relativeTime } from "@/lib/client/relative-time";
import { useHydrated } from "@/lib/client/use-hydrated";

/**
 * A moment in the reader's own time zone: "3 minutes ago", with the full date on hover. The server render
 * shows the date in UTC until the page is hydrated, since the server does not know the reader's zone.
 */
export function LocalTime({ at }: { at: Date | string }) {
  const date = new Date(at);
  const hydrated = useHydrated();
  return (
    <time dateTime={date.toISOString()} title={hydrated ? date.toLocaleString() : undefined}>
      {hydrated ? relativeTime(date.getTime(), Date.now()) : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`}
    </time>
  );
}

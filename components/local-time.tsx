"use client";

import { formatDateTime } from "@/lib/client/format-date-time";
import { relativeTime } from "@/lib/client/relative-time";
import { useTimeZone } from "@/lib/client/use-time-zone";

/**
 * A date and time in the reader's time zone. The server cannot know that zone, so its render shows UTC and says
 * so; the reader's browser then shows their own. The machine-readable instant is always in `dateTime`.
 * `relative` says "3 minutes ago" once in the browser, with the date on hover.
 */
export function LocalTime({ at, short = false, relative = false }: { at: Date | string; short?: boolean; relative?: boolean }) {
  const timeZone = useTimeZone();
  const date = new Date(at);
  const absolute = formatDateTime(date, { timeZone: timeZone ?? "UTC", short });
  if (relative && timeZone) {
    return (
      <time dateTime={date.toISOString()} title={absolute}>
        {relativeTime(date.getTime(), Date.now())}
      </time>
    );
  }
  return (
    <time dateTime={date.toISOString()}>
      {absolute}
      {timeZone ? "" : " UTC"}
    </time>
  );
}

"use client";

import { formatDateTime } from "@/lib/client/format-date-time";
import { useTimeZone } from "@/lib/client/use-time-zone";

/**
 * A date and time in the reader's time zone. The server cannot know that zone, so its render shows UTC and says
 * so; the reader's browser then shows their own. The machine-readable instant is always in `dateTime`.
 */
export function LocalTime({ at, short = false }: { at: Date | string; short?: boolean }) {
  const timeZone = useTimeZone();
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()}>
      {formatDateTime(date, { timeZone: timeZone ?? "UTC", short })}
      {timeZone ? "" : " UTC"}
    </time>
  );
}

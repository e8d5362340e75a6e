/**
 * Dates as Gloss shows them: "Mon 3 May 2027, 14:00", or "3 May, 14:00" where space is short. Always in an
 * explicit zone, so a server render (which cannot know the reader's) and the reader's own agree on what is meant.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(at: Date, { timeZone, short = false }: { timeZone: string; short?: boolean }): string {
  const key = `${timeZone} ${short}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      "en-GB",
      short
        ? { timeZone, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }
        : { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
    );
    formats.set(key, format);
  }
  return format.format(at);
}

/**
 * Converts between instants and the wall-clock times people type into a form (`<input type="datetime-local">`,
 * "2027-05-03T12:00") in a named time zone. Due dates are typed in the instructor's zone and stored as instants,
 * then shown in each reader's own zone; the server runs in whatever zone it likes, so nothing here uses the
 * process's. Intl alone, no time zone library.
 */

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock reading at `instant` in `timeZone`, as milliseconds of a UTC date with the same reading. */
function wallReading(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(wallFormat(timeZone).formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/**
 * The instant a wall-clock time names in `timeZone`; null for text that is not a real date and time. A time
 * skipped by a daylight-saving change is read with the offset from before the change (02:30 on a spring-forward
 * night becomes 03:30); a repeated one is the first of the two.
 */
export function wallTimeToInstant(wall: string, timeZone: string): Date | null {
  const match = WALL_TIME.exec(wall);
  if (!match || !isTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const reading = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(reading);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // Offsets are at most a day, so the offset an hour either side of the guess covers both readings of a change.
  const candidates = [reading - 26 * 3600_000, reading, reading + 26 * 3600_000]
    .map((probe) => reading - (wallReading(probe, timeZone) - Math.floor(probe / 1000) * 1000))
    .filter((instant, i, all) => all.indexOf(instant) === i)
    .sort((a, b) => a - b);
  const exact = candidates.find((instant) => wallReading(instant, timeZone) === reading);
  if (exact !== undefined) return new Date(exact);
  // Skipped by a change: the earlier offset, which moves the time forward by the size of the gap.
  return new Date(candidates[candidates.length - 1]!);
}

/** The wall-clock time of `instant` in `timeZone`, as a datetime-local input wants it ("2027-05-03T12:00"). */
export function instantToWallTime(instant: Date, timeZone: string): string {
  return new Date(wallReading(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}

/**
 * Counts one attempt against a key and says whether it is within the key's limit. The counter lives in
 * PostgreSQL so that every server instance shares it; one statement reads and writes it, so concurrent attempts
 * can never both take the last slot.
 */
import type { Db } from "../db/client.server";

export type ThrottleRule = { limit: number; windowMs: number };

export type ThrottleHit = {
  key: string;
  /** Identifies the window this hit was counted in, so it can be taken back (forgive-throttle-hit.server.ts). */
  windowStartMs: number;
  allowed: boolean;
  /** Time until the window ends and the key may try again; meaningful when not allowed. */
  retryAfterMs: number;
};

export async function hitThrottle(db: Db, key: string, { limit, windowMs }: ThrottleRule): Promise<ThrottleHit> {
  // A window that has ended is restarted by the same upsert, so rows are reused rather than piling up per window.
  // Every time comes from the database's clock: instances whose clocks differ still agree.
  const rows = await db.$queryRaw<Array<{ count: number; windowStartMs: number; retryAfterMs: number }>>`
    INSERT INTO "Throttle" AS t ("key", "windowStart", "count")
    VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = CASE WHEN t."windowStart" + ${windowMs}::integer * interval '1 millisecond' <= now() THEN now() ELSE t."windowStart" END,
      "count" = CASE WHEN t."windowStart" + ${windowMs}::integer * interval '1 millisecond' <= now() THEN 1 ELSE t."count" + 1 END
    RETURNING
      "count",
      (extract(epoch FROM "windowStart") * 1000)::float8 AS "windowStartMs",
      greatest(0, ceil(extract(epoch FROM "windowStart" + ${windowMs}::integer * interval '1 millisecond' - now()) * 1000))::float8 AS "retryAfterMs"`;
  const row = rows[0]!;
  return { key, windowStartMs: row.windowStartMs, allowed: row.count <= limit, retryAfterMs: row.retryAfterMs };
}

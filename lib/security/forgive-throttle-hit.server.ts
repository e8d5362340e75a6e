/**
 * Takes back one attempt counted by hitThrottle, for limits that count only failures: the attempt is counted
 * before it is made (so parallel attempts cannot overrun the limit) and forgiven once it succeeded.
 */
import type { Db } from "../db/client.server";
import type { ThrottleHit } from "./hit-throttle.server";

export async function forgiveThrottleHit(db: Db, { key, windowStartMs }: ThrottleHit): Promise<void> {
  // Only within the same window: once it has restarted, the attempt is no longer in the count.
  await db.$executeRaw`
    UPDATE "Throttle" SET "count" = "count" - 1
    WHERE "key" = ${key} AND (extract(epoch FROM "windowStart") * 1000)::float8 = ${windowStartMs}::float8 AND "count" > 0`;
}

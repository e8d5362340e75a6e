/**
 * Deletes throttle rows whose window ended long enough ago that they no longer decide anything (the next hit
 * would restart them anyway), so keys seen once (a mistyped email, a passing address) do not stay forever.
 */
import type { Db } from "../db/client.server";
import { LONGEST_THROTTLE_WINDOW_MS } from "./throttle-rules";

export async function cleanThrottles(db: Db, { idleForMs = LONGEST_THROTTLE_WINDOW_MS }: { idleForMs?: number } = {}): Promise<number> {
  return db.$executeRaw`DELETE FROM "Throttle" WHERE "windowStart" < now() - ${idleForMs}::integer * interval '1 millisecond'`;
}

/**
 * Runs an attempt (a sign-in, an invite code) under several throttles that count only failures: an attempt is
 * refused when any of its keys has failed too often in its window, and a success costs nothing.
 */
import type { Db } from "../db/client.server";
import { forgiveThrottleHit } from "./forgive-throttle-hit.server";
import { hitThrottle, type ThrottleRule } from "./hit-throttle.server";

export type Throttle = { key: string; rule: ThrottleRule };

export type Limited<T> = { limited: true; retryAfterMs: number } | { limited: false; value: T | null };

/**
 * `attempt` answers null (or throws) for a failure. Each key is counted before the attempt runs, so attempts made
 * in parallel cannot all slip in under the limit; a refused or successful attempt is then taken back.
 */
export async function limitFailures<T>(db: Db, throttles: readonly Throttle[], attempt: () => Promise<T | null>): Promise<Limited<T>> {
  const hits = await Promise.all(throttles.map(({ key, rule }) => hitThrottle(db, key, rule)));
  const forgive = () => Promise.all(hits.map((hit) => forgiveThrottleHit(db, hit)));
  const refused = hits.filter((hit) => !hit.allowed);
  if (refused.length > 0) {
    await forgive();
    return { limited: true, retryAfterMs: Math.max(...refused.map((hit) => hit.retryAfterMs)) };
  }
  // A throw stays counted as a failure.
  const value = await attempt();
  if (value !== null) await forgive();
  return { limited: false, value };
}

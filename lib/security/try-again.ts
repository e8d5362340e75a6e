/** "in 14 minutes": when someone who hit a rate limit may try again, in the words every lockout message uses. */
export function tryAgainIn(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return minutes === 1 ? "in a minute" : `in ${minutes} minutes`;
}

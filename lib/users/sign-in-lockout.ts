/**
 * How a sign-in refused by the rate limits travels from next-auth's authorize() (which can only pass a string,
 * as the error of its redirect) to the sign-in form, and the words the form shows. Shared by both ends.
 */
import { tryAgainIn } from "../security/try-again";

const PREFIX = "TooManyFailedSignIns:";

export function lockoutError(retryAfterMs: number): string {
  return `${PREFIX}${Math.ceil(retryAfterMs / 1000)}`;
}

/** The wait carried by a lockout error, or null for any other error. */
export function lockoutRetryAfterMs(error: string | null | undefined): number | null {
  if (!error?.startsWith(PREFIX)) return null;
  const seconds = Number(error.slice(PREFIX.length));
  return Number.isFinite(seconds) ? seconds * 1000 : null;
}

// Names both causes without saying which: "this email" would otherwise confirm nothing, and "your network" helps
// someone who shares an address with others understand why they are caught.
export function lockoutMessage(retryAfterMs: number): string {
  return `Signing in is paused after too many failed attempts for this email or from your network. Try again ${tryAgainIn(retryAfterMs)}.`;
}

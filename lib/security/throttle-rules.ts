/**
 * Every rate limit Gloss enforces, in one place, so the numbers can be read and changed together (and are listed
 * in docs/security-web.md). Windows are fixed: a key may make `limit` counted attempts per window.
 */
import type { ThrottleRule } from "./hit-throttle.server";

const MINUTE = 60_000;

export const THROTTLE_RULES = {
  // Failed sign-ins only (a success takes its attempt back). Per email: guessing one account's password is
  // hopeless at 10 per quarter hour. Per address: spraying many accounts from one place is slowed, while a
  // class signing in behind one NAT, mistyping now and then, is not.
  signInPerEmail: { limit: 10, windowMs: 15 * MINUTE },
  signInPerAddress: { limit: 50, windowMs: 15 * MINUTE },
  // Every sign-up attempt. 30 rather than 10 an hour: a whole class often creates its accounts together, in one
  // room, behind one address; 30 an hour is still no way to mass-produce accounts.
  signUpPerAddress: { limit: 30, windowMs: 60 * MINUTE },
  // Invite codes that did not work (wrong, revoked or replaced). About 40 bits of code against 10 guesses per
  // quarter hour per account, and 50 per address so a pile of fresh accounts does not multiply the guesses.
  inviteCodePerUser: { limit: 10, windowMs: 15 * MINUTE },
  inviteCodePerAddress: { limit: 50, windowMs: 15 * MINUTE },
  // Essay previews, each of which may read a 10 MB file or make the server fetch a web address. An instructor
  // trying a few files and addresses previews a dozen times; 60 a quarter hour stops a script using Gloss to fetch.
  essayPreviewPerUser: { limit: 60, windowMs: 15 * MINUTE },
  // Every attempt to change a password (the current one must be given): a stolen session must not become a way
  // to guess it, and someone changing their password needs two or three tries at most.
  changePasswordPerUser: { limit: 5, windowMs: 15 * MINUTE },
} satisfies Record<string, ThrottleRule>;

/** A counter row idle for longer than this can be deleted: it no longer decides anything. */
export const LONGEST_THROTTLE_WINDOW_MS = Math.max(...Object.values(THROTTLE_RULES).map((rule) => rule.windowMs));

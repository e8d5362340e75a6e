import type { Db } from "../db/client.server";
import { addressKey } from "../security/address-key";
import { limitFailures } from "../security/limit-failures.server";
import { THROTTLE_RULES } from "../security/throttle-rules";
import { authenticate } from "./authenticate.server";

export type SignInResult =
  | { ok: true; user: NonNullable<Awaited<ReturnType<typeof authenticate>>> }
  | { ok: false; locked: false }
  | { ok: false; locked: true; retryAfterMs: number };

/**
 * Checks a password under the sign-in limits: failures count per email (guessing one account's password) and per
 * client address (trying many accounts from one place). A locked email or address is refused before the password
 * is checked, even the right one; every other email and address signs in as usual. Unknown emails count like
 * known ones, so the limit tells nobody which accounts exist.
 */
export async function signInWithPassword(db: Db, { email, password, address }: { email: string; password: string; address: string }): Promise<SignInResult> {
  const result = await limitFailures(
    db,
    [
      { key: `sign-in:email:${email}`, rule: THROTTLE_RULES.signInPerEmail },
      { key: `sign-in:address:${addressKey(address)}`, rule: THROTTLE_RULES.signInPerAddress },
    ],
    () => authenticate(db, email, password),
  );
  if (result.limited) return { ok: false, locked: true, retryAfterMs: result.retryAfterMs };
  return result.value ? { ok: true, user: result.value } : { ok: false, locked: false };
}

import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import { addressKey } from "../security/address-key";
import { limitFailures } from "../security/limit-failures.server";
import { THROTTLE_RULES } from "../security/throttle-rules";
import { tryAgainIn } from "../security/try-again";

/**
 * Runs one use of an invite code (joining with it, or the join page looking it up) under the limits on codes
 * that do not work: per account, and per client address so that fresh accounts do not multiply the guesses.
 * `attempt` answers null or throws for a code that does not work; a working code costs nothing. Both the form
 * and the /join/CODE page go through here, since either one would tell a guesser whether a code is live.
 */
export async function guardInviteCode<T>(db: Db, { userId, address }: { userId: string; address: string }, attempt: () => Promise<T | null>): Promise<T | null> {
  const result = await limitFailures(
    db,
    [
      { key: `invite-code:user:${userId}`, rule: THROTTLE_RULES.inviteCodePerUser },
      { key: `invite-code:address:${addressKey(address)}`, rule: THROTTLE_RULES.inviteCodePerAddress },
    ],
    attempt,
  );
  if (result.limited) {
    throw new AppError(AppErrorCode.RateLimited, `Too many invite codes that did not work. Try again ${tryAgainIn(result.retryAfterMs)}.`);
  }
  return result.value;
}

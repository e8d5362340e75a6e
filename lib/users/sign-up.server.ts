import type { Db } from "../db/client.server";
import { addressKey } from "../security/address-key";
import { hitThrottle } from "../security/hit-throttle.server";
import { THROTTLE_RULES } from "../security/throttle-rules";
import type { SignUpInput } from "./credentials";
import { hashPassword } from "./password.server";

export type SignUpResult =
  | { ok: true; userId: string }
  | { ok: false; error: "email-taken" }
  | { ok: false; error: "rate-limited"; retryAfterMs: number };

/**
 * Creates an account. The input is already parsed by SignUpSchema (email normalized). Every attempt counts
 * against the client address's sign-up limit, taken or not, so the limit also caps how fast anyone can probe
 * which emails have accounts here.
 */
export async function signUp(db: Db, { name, email, password, address }: SignUpInput & { address: string }): Promise<SignUpResult> {
  const hit = await hitThrottle(db, `sign-up:address:${addressKey(address)}`, THROTTLE_RULES.signUpPerAddress);
  if (!hit.allowed) return { ok: false, error: "rate-limited", retryAfterMs: hit.retryAfterMs };
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.user.create({ data: { name, email, passwordHash }, select: { id: true } });
    return { ok: true, userId: user.id };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { ok: false, error: "email-taken" };
    throw error;
  }
}

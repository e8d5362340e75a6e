"use server";

import { getDb } from "@/lib/db/client.server";
import { clientAddress } from "@/lib/http/client-address.server";
import { tryAgainIn } from "@/lib/security/try-again";
import { SignUpSchema } from "@/lib/users/credentials";
import { signUp } from "@/lib/users/sign-up.server";
import { fieldErrors, type FieldErrors } from "../field-errors";

export type SignUpField = "name" | "email" | "password";
export type SignUpActionResult =
  | { ok: true }
  | { ok: false; errors: FieldErrors<SignUpField>; emailTaken?: boolean; formError?: string };

const EMAIL_TAKEN_MESSAGE = "An account with this email already exists.";

/**
 * Creates the account; the browser then signs in through next-auth with the same credentials, so the
 * session cookie is set by next-auth's own endpoint and nowhere else.
 */
export async function signUpAction(input: unknown): Promise<SignUpActionResult> {
  const parsed = SignUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors<SignUpField>(parsed.error) };
  const result = await signUp(getDb(), { ...parsed.data, address: await clientAddress() });
  if (result.ok) return { ok: true };
  if (result.error === "rate-limited") {
    return {
      ok: false,
      errors: {},
      formError: `Too many accounts were created from your network in the last hour. Try again ${tryAgainIn(result.retryAfterMs)}, or sign in if you already have an account.`,
    };
  }
  // Saying that the email is taken does reveal that an account exists; on sign-up that is the expected
  // trade-off (the person must learn why they cannot register), unlike on sign-in.
  return { ok: false, errors: { email: EMAIL_TAKEN_MESSAGE }, emailTaken: true };
}

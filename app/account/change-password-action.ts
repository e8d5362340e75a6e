"use server";

import type { z } from "zod";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { ChangePasswordSchema } from "@/lib/users/credentials";
import { changePassword } from "@/lib/users/change-password.server";

export type ChangePasswordField = keyof z.input<typeof ChangePasswordSchema>;

/** Takes plain values rather than FormData: the form signs in again with the new password once this answers. */
export async function changePasswordAction(input: unknown): Promise<FormState<ChangePasswordField>> {
  const parsed = ChangePasswordSchema.safeParse(input);
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser("/account");
  try {
    await changePassword(getDb(), { userId: user.id, ...parsed.data });
  } catch (error) {
    return toFormError(error);
  }
  return { ok: true };
}

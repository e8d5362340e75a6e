"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { SeminarRefSchema } from "@/lib/seminars/schemas";
import { setInviteCode } from "@/lib/seminars/set-invite-code.server";

/** Replaces the seminar's invite code; the old one stops working. setInviteCode refuses anyone but an instructor. */
export async function regenerateInviteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = SeminarRefSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser(`/seminars/${parsed.data.seminarId}`);
  try {
    await setInviteCode(getDb(), { seminarId: parsed.data.seminarId, userId: user.id, revoke: false });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${parsed.data.seminarId}`);
  return { ok: true, message: "New invite code made. The old one no longer works." };
}

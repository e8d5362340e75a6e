"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { SeminarRefSchema } from "@/lib/seminars/schemas";
import { setInviteCode } from "@/lib/seminars/set-invite-code.server";

/** Turns invites off: nobody can join until an instructor makes a new code. Members stay members. */
export async function revokeInviteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = SeminarRefSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser(`/seminars/${parsed.data.seminarId}`);
  try {
    await setInviteCode(getDb(), { seminarId: parsed.data.seminarId, userId: user.id, revoke: true });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${parsed.data.seminarId}`);
  return { ok: true, message: "Done. The old code and link no longer work." };
}

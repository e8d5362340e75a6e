"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { archiveSeminar } from "@/lib/seminars/archive-seminar.server";
import { SeminarRefSchema } from "@/lib/seminars/schemas";

/** Makes the seminar read-only for everyone; archiveSeminar checks the instructor role and closes open rooms. */
export async function archiveSeminarAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = SeminarRefSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser(`/seminars/${parsed.data.seminarId}`);
  try {
    await archiveSeminar(getDb(), { seminarId: parsed.data.seminarId, userId: user.id });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${parsed.data.seminarId}`);
  revalidatePath("/seminars");
  return { ok: true, message: "Archived. The seminar is read-only for everyone until you unarchive it." };
}

"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { SeminarRefSchema } from "@/lib/seminars/schemas";
import { unarchiveSeminar } from "@/lib/seminars/unarchive-seminar.server";

/** Opens an archived seminar for changes again; unarchiveSeminar checks the instructor role. */
export async function unarchiveSeminarAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = SeminarRefSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser(`/seminars/${parsed.data.seminarId}`);
  try {
    await unarchiveSeminar(getDb(), { seminarId: parsed.data.seminarId, userId: user.id });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${parsed.data.seminarId}`);
  revalidatePath("/seminars");
  return { ok: true, message: "Unarchived. Members can annotate and discuss again (pages opened before now need a reload)." };
}

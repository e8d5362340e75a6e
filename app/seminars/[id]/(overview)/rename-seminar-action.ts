"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { renameSeminar } from "@/lib/seminars/rename-seminar.server";
import { RenameSeminarSchema } from "@/lib/seminars/schemas";

export type RenameSeminarField = keyof z.input<typeof RenameSeminarSchema>;

/** Saves the seminar's name and term; renameSeminar checks the instructor role and the archive. */
export async function renameSeminarAction(_previous: FormState<RenameSeminarField>, formData: FormData): Promise<FormState<RenameSeminarField>> {
  const parsed = RenameSeminarSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser(`/seminars/${parsed.data.seminarId}`);
  try {
    await renameSeminar(getDb(), { ...parsed.data, userId: user.id });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${parsed.data.seminarId}`);
  revalidatePath("/seminars");
  return { ok: true, message: `Saved: ${parsed.data.name}, ${parsed.data.term}.` };
}

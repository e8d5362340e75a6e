"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { addEssay } from "@/lib/seminars/add-essay.server";
import { AddEssaySchema } from "@/lib/seminars/schemas";

export type AddEssayField = keyof z.input<typeof AddEssaySchema>;

/** Puts an essay on the reading list (and opens the seminar's room on it); addEssay checks the instructor role. */
export async function addEssayAction(_previous: FormState<AddEssayField>, formData: FormData): Promise<FormState<AddEssayField>> {
  const parsed = AddEssaySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser(`/seminars/${parsed.data.seminarId}`);
  try {
    await addEssay(getDb(), { ...parsed.data, userId: user.id });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${parsed.data.seminarId}`);
  revalidatePath("/seminars");
  return { ok: true, message: "Added to the reading list." };
}

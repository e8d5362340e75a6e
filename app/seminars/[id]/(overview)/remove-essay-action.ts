"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { removeEssay } from "@/lib/seminars/remove-essay.server";
import { RemoveEssaySchema } from "@/lib/seminars/schemas";

/** Takes an essay off the reading list, keeping its discussion; removeEssay checks the instructor role and the archive. */
export async function removeEssayAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = RemoveEssaySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser(`/seminars/${parsed.data.seminarId}`);
  try {
    await removeEssay(getDb(), { ...parsed.data, userId: user.id });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${parsed.data.seminarId}`);
  revalidatePath("/seminars");
  return { ok: true, message: "Taken off the reading list. Its discussion is kept: add the essay again to bring it back." };
}

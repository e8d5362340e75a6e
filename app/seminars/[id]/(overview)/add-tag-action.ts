"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { addTag } from "@/lib/seminars/add-tag.server";
import { AddTagSchema } from "@/lib/seminars/schemas";

export type AddTagField = keyof z.input<typeof AddTagSchema>;

/** Adds a tag members can put on their comments; addTag checks the instructor role. */
export async function addTagAction(_previous: FormState<AddTagField>, formData: FormData): Promise<FormState<AddTagField>> {
  const parsed = AddTagSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser(`/seminars/${parsed.data.seminarId}`);
  try {
    await addTag(getDb(), { ...parsed.data, userId: user.id });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${parsed.data.seminarId}`);
  return { ok: true, message: `Added the tag “${parsed.data.name}”.` };
}

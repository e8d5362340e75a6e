"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { createSeminar } from "@/lib/seminars/create-seminar.server";
import { CreateSeminarSchema } from "@/lib/seminars/schemas";

export type CreateSeminarField = keyof z.input<typeof CreateSeminarSchema>;

/** Creates a seminar taught by whoever submits the form, then opens it. */
export async function createSeminarAction(_previous: FormState<CreateSeminarField>, formData: FormData): Promise<FormState<CreateSeminarField>> {
  const parsed = CreateSeminarSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser("/seminars");
  const seminar = await createSeminar(getDb(), { ...parsed.data, instructorId: user.id });
  revalidatePath("/seminars");
  redirect(`/seminars/${seminar.id}`);
}

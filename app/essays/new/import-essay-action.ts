"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { importNewEssay } from "@/lib/essays/import-new-essay.server";
import { ImportEssaySchema } from "@/lib/essays/import/schemas";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";

export type ImportEssayField = keyof z.input<typeof ImportEssaySchema>;

/** Stores the previewed essay and opens it; importNewEssay checks that the user teaches an open seminar (and the chosen one). */
export async function importEssayAction(_previous: FormState<ImportEssayField>, formData: FormData): Promise<FormState<ImportEssayField>> {
  const parsed = ImportEssaySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser("/essays/new");
  let href: string;
  try {
    ({ href } = await importNewEssay(getDb(), { ...parsed.data, userId: user.id }));
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath("/");
  if (parsed.data.seminarId) revalidatePath(`/seminars/${parsed.data.seminarId}`);
  redirect(href);
}

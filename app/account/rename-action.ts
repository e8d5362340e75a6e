"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { RenameUserSchema } from "@/lib/users/credentials";
import { renameUser } from "@/lib/users/rename-user.server";

export type RenameUserField = keyof z.input<typeof RenameUserSchema>;

export async function renameUserAction(_previous: FormState<RenameUserField>, formData: FormData): Promise<FormState<RenameUserField>> {
  const parsed = RenameUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser("/account");
  await renameUser(getDb(), { userId: user.id, name: parsed.data.name });
  revalidatePath("/", "layout");
  return { ok: true, message: `Saved. New notes will be signed “${parsed.data.name}”.` };
}

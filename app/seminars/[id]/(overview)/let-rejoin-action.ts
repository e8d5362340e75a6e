"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { letRejoin } from "@/lib/seminars/let-rejoin.server";
import { LetRejoinSchema } from "@/lib/seminars/schemas";

/** Lets a removed person join again with the invite code; letRejoin checks on the server that the caller teaches it. */
export async function letRejoinAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = LetRejoinSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const { seminarId, personId } = parsed.data;
  const user = await requireUser(`/seminars/${seminarId}`);
  try {
    await letRejoin(getDb(), { seminarId, personId, userId: user.id });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${seminarId}`);
  return { ok: true, message: "They can join again with the invite code." };
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { removeMember } from "@/lib/seminars/remove-member.server";
import { RemoveMemberSchema } from "@/lib/seminars/schemas";

/** Removes a member from the seminar; removeMember checks on the server that the caller teaches it. */
export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = RemoveMemberSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const { seminarId, memberId } = parsed.data;
  const user = await requireUser(`/seminars/${seminarId}`);
  try {
    await removeMember(getDb(), { seminarId, memberId, userId: user.id });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${seminarId}`);
  revalidatePath("/seminars");
  // An instructor who removed themselves can no longer see the seminar's page.
  if (memberId === user.id) redirect("/seminars");
  return { ok: true, message: "Removed from the seminar. They no longer have access, live notes included." };
}

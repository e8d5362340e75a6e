"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session.server";
import { extendDueDate } from "@/lib/assignments/extend-due-date.server";
import { ExtendDueDateSchema, type ExtendDueDateField } from "@/lib/assignments/schemas";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";

/** Gives one student a later due time; extendDueDate answers "not found" to anyone but the assignment's instructors. */
export async function extendDueDateAction(_previous: FormState<ExtendDueDateField>, formData: FormData): Promise<FormState<ExtendDueDateField>> {
  const parsed = ExtendDueDateSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const { seminarId, assignmentId } = parsed.data;
  const user = await requireUser(`/seminars/${seminarId}/assignments/${assignmentId}`);
  try {
    await extendDueDate(getDb(), { ...parsed.data, userId: user.id });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${seminarId}/assignments/${assignmentId}`);
  return { ok: true, message: "Extended. Their status now counts from the new due time." };
}

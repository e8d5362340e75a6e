"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { editAssignment } from "@/lib/assignments/edit-assignment.server";
import { EditAssignmentSchema, formValues, type AssignmentField } from "@/lib/assignments/schemas";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";

/** Saves an edited assignment and goes back to it; editAssignment answers "not found" to anyone but its instructors. */
export async function editAssignmentAction(_previous: FormState<AssignmentField>, formData: FormData): Promise<FormState<AssignmentField>> {
  const parsed = EditAssignmentSchema.safeParse(formValues(formData, ["studentIds"]));
  if (!parsed.success) return toFormError(parsed.error);
  const { seminarId, assignmentId } = parsed.data;
  const user = await requireUser(`/seminars/${seminarId}/assignments/${assignmentId}/edit`);
  try {
    await editAssignment(getDb(), { ...parsed.data, userId: user.id });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${seminarId}`);
  revalidatePath(`/seminars/${seminarId}/assignments/${assignmentId}`);
  redirect(`/seminars/${seminarId}/assignments/${assignmentId}`);
}

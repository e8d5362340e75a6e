"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { deleteAssignment } from "@/lib/assignments/delete-assignment.server";
import { AssignmentRefSchema } from "@/lib/assignments/schemas";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";

/** Deletes the assignment and goes back to the seminar; deleteAssignment answers "not found" to anyone but its instructors. */
export async function deleteAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = AssignmentRefSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const { seminarId, assignmentId } = parsed.data;
  const user = await requireUser(`/seminars/${seminarId}/assignments/${assignmentId}`);
  try {
    await deleteAssignment(getDb(), { seminarId, assignmentId, userId: user.id });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${seminarId}`);
  redirect(`/seminars/${seminarId}`);
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { createAssignment } from "@/lib/assignments/create-assignment.server";
import { CreateAssignmentSchema, formValues, type AssignmentField } from "@/lib/assignments/schemas";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";

/** Makes an assignment and opens its page; createAssignment checks that the caller teaches the seminar. */
export async function createAssignmentAction(_previous: FormState<AssignmentField>, formData: FormData): Promise<FormState<AssignmentField>> {
  const parsed = CreateAssignmentSchema.safeParse(formValues(formData, ["studentIds"]));
  if (!parsed.success) return toFormError(parsed.error);
  const { seminarId } = parsed.data;
  const user = await requireUser(`/seminars/${seminarId}/assignments/new`);
  let assignmentId: string;
  try {
    ({ id: assignmentId } = await createAssignment(getDb(), { ...parsed.data, userId: user.id }));
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${seminarId}`);
  // Outside the try: redirect() works by throwing.
  redirect(`/seminars/${seminarId}/assignments/${assignmentId}`);
}

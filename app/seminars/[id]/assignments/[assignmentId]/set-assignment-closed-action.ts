"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session.server";
import { SetAssignmentClosedSchema } from "@/lib/assignments/schemas";
import { setAssignmentClosed } from "@/lib/assignments/set-assignment-closed.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";

/** Closes or reopens the assignment; setAssignmentClosed answers "not found" to anyone but its instructors. */
export async function setAssignmentClosedAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = SetAssignmentClosedSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const { seminarId, assignmentId, closed } = parsed.data;
  const user = await requireUser(`/seminars/${seminarId}/assignments/${assignmentId}`);
  try {
    await setAssignmentClosed(getDb(), { seminarId, assignmentId, closed, userId: user.id, now: new Date() });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${seminarId}`);
  revalidatePath(`/seminars/${seminarId}/assignments/${assignmentId}`);
  return { ok: true, message: closed ? "Closed. What students write from now on does not count toward it." : "Reopened. Everything students wrote in the passage counts again." };
}

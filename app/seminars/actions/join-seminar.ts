"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { AppError } from "@/lib/errors/app-error";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { AttemptLimiter } from "@/lib/security/attempt-limiter";
import { joinSeminar } from "@/lib/seminars/join-seminar.server";
import { JoinSeminarSchema } from "@/lib/seminars/schemas";

export type JoinSeminarField = "code";

// Ten wrong codes per account per quarter hour: plenty for typos, nothing for guessing.
const wrongCodes = new AttemptLimiter(10, 15 * 60_000);

/**
 * Joins the seminar the code belongs to and opens it. Only ever a POST: the /join/CODE page asks first, so a
 * link preview or prefetch cannot make anyone a member.
 */
export async function joinSeminarAction(_previous: FormState<JoinSeminarField>, formData: FormData): Promise<FormState<JoinSeminarField>> {
  const parsed = JoinSeminarSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser(`/join/${parsed.data.code}`);
  const wait = wrongCodes.retryAfter(user.id);
  if (wait > 0) {
    return { ok: false, formError: `Too many codes that did not work. Try again in ${Math.ceil(wait / 60_000)} minutes.` };
  }
  let seminarId: string;
  try {
    seminarId = (await joinSeminar(getDb(), { code: parsed.data.code, userId: user.id })).id;
  } catch (error) {
    if (error instanceof AppError) wrongCodes.fail(user.id);
    return toFormError(error);
  }
  revalidatePath("/seminars");
  // Outside the try: redirect() works by throwing.
  redirect(`/seminars/${seminarId}`);
}

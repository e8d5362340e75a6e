"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { clientAddress } from "@/lib/http/client-address.server";
import { guardInviteCode } from "@/lib/seminars/guard-invite-code.server";
import { joinSeminar } from "@/lib/seminars/join-seminar.server";
import { JoinSeminarSchema } from "@/lib/seminars/schemas";

export type JoinSeminarField = "code";

/**
 * Joins the seminar the code belongs to and opens it. Used by two routes (the code form on /seminars and the
 * button on /join/CODE), so it sits with the first rather than beside either form alone. Only ever a POST: the /join/CODE page asks first, so a
 * link preview or prefetch cannot make anyone a member. Codes that do not work are rate-limited (guardInviteCode).
 */
export async function joinSeminarAction(_previous: FormState<JoinSeminarField>, formData: FormData): Promise<FormState<JoinSeminarField>> {
  const parsed = JoinSeminarSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const user = await requireUser(`/join/${parsed.data.code}`);
  const db = getDb();
  let seminarId: string;
  try {
    const seminar = await guardInviteCode(db, { userId: user.id, address: await clientAddress() }, () => joinSeminar(db, { code: parsed.data.code, userId: user.id }));
    seminarId = seminar!.id; // joinSeminar throws for a code that does not work, it never answers null
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath("/seminars");
  // Outside the try: redirect() works by throwing.
  redirect(`/seminars/${seminarId}`);
}

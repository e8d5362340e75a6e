"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { toFormError, type FormState } from "@/lib/errors/to-form-error";
import { previewRevision, type RevisionPreview } from "@/lib/essays/preview-revision.server";
import { reviseEssay } from "@/lib/essays/revise-essay.server";
import { ReviseEssaySchema } from "@/lib/essays/schemas";

export type ReviseEssayField = keyof z.input<typeof ReviseEssaySchema>;
export type ReviseEssayState = FormState<ReviseEssayField> | { ok: true; preview: RevisionPreview; text: string };

/**
 * The revise form's two buttons: Preview computes the plan and what happens to the seminar's notes; Save stores
 * the revision and returns to the page, which then lists the notes to review. The domain functions authorize
 * (an instructor of an unarchived seminar reading the essay).
 */
export async function reviseEssayAction(_previous: ReviseEssayState, formData: FormData): Promise<ReviseEssayState> {
  const parsed = ReviseEssaySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toFormError(parsed.error);
  const { seminarId, essayId, text, intent } = parsed.data;
  const slug = String(formData.get("slug") ?? "");
  const user = await requireUser(`/seminars/${seminarId}/essays/${slug}/revise`);
  try {
    if (intent === "preview") return { ok: true, preview: await previewRevision(getDb(), { seminarId, essayId, userId: user.id, text }), text };
    await reviseEssay(getDb(), { seminarId, essayId, userId: user.id, text });
  } catch (error) {
    return toFormError(error);
  }
  revalidatePath(`/seminars/${seminarId}`, "layout");
  redirect(`/seminars/${seminarId}/essays/${slug}/revise?saved=1`);
}

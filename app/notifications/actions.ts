"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { markRead } from "@/lib/notifications/mark-read.server";
import { openNotification } from "@/lib/notifications/open-notification.server";
import { MarkReadSchema } from "@/lib/notifications/schemas";

/** Marks one notification (the form's `id`) or all of them read. */
export async function markReadAction(formData: FormData): Promise<void> {
  const parsed = MarkReadSchema.safeParse({ id: formData.get("id") ?? undefined });
  const user = await requireUser("/notifications");
  if (!parsed.success) return;
  await markRead(getDb(), { userId: user.id, id: parsed.data.id });
  revalidatePath("/notifications");
}

/** Opens what a notification is about, marking it read on the way. Only the reader's own notification opens. */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const parsed = MarkReadSchema.safeParse({ id: formData.get("id") ?? undefined });
  const user = await requireUser("/notifications");
  const href = parsed.success && parsed.data.id ? await openNotification(getDb(), { userId: user.id, id: parsed.data.id }) : null;
  redirect(href ?? "/notifications");
}

import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { secondaryButton } from "@/components/ui/button-styles";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { listNotifications } from "@/lib/notifications/list-notifications.server";
import { markReadAction, openNotificationAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

/** What happened to the reader's comments and where they were mentioned, newest first. */
export default async function NotificationsPage() {
  const user = await requireUser("/notifications");
  const { items, unread } = await listNotifications(getDb(), { userId: user.id });
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-3xl font-semibold text-ink">Notifications</h1>
          <p className="mt-1 text-muted">{unread === 0 ? "Nothing unread." : unread === 1 ? "1 unread" : `${unread} unread`}</p>
        </div>
        {unread > 0 ? (
          <form action={markReadAction}>
            <button type="submit" className={secondaryButton}>
              Mark all read
            </button>
          </form>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-line px-6 py-10 text-center text-muted">
          Replies to your comments and mentions of you will appear here. <Link href="/seminars" className="text-accent underline-offset-2 hover:underline">Go to your seminars</Link>
        </p>
      ) : (
        <ol className="mt-6 flex flex-col gap-2" aria-label="Notifications">
          {items.map((item) => (
            <li
              key={item.id}
              data-unread={item.readAt === null}
              className={`flex items-start gap-3 rounded-xl border px-4 py-3 shadow-xs ${item.readAt === null ? "border-accent/40 bg-accent/[0.05]" : "border-line bg-card"}`}
            >
              <span aria-hidden="true" className={`mt-2 size-2 shrink-0 rounded-full ${item.readAt === null ? "bg-accent" : "bg-transparent"}`} />
              <form action={openNotificationAction} className="min-w-0 flex-1">
                <input type="hidden" name="id" value={item.id} />
                <button type="submit" className="block w-full text-left">
                  <span className="block font-medium text-ink hover:text-accent-strong">
                    {item.title}
                    {item.readAt === null ? <span className="sr-only"> (unread)</span> : null}
                  </span>
                  <span className="mt-0.5 block truncate text-sm text-muted">“{item.excerpt}”</span>
                </button>
                <span className="mt-1 block text-xs text-muted">
                  <LocalTime at={item.createdAt} relative />
                </span>
              </form>
              {item.readAt === null ? (
                <form action={markReadAction}>
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" className="text-sm text-muted underline-offset-2 hover:text-ink hover:underline" aria-label={`Mark read: ${item.title}`}>
                    Mark read
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}

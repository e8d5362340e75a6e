"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { UnreadMessage } from "@/lib/notifications/channel";

/**
 * The header's link to the notifications page, with the unread count kept live over Server-Sent Events
 * (app/api/notifications/stream). Starts from the count the server rendered; EventSource reconnects by itself.
 */
export function NotificationsLink({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  useEffect(() => {
    const source = new EventSource("/api/notifications/stream");
    source.onmessage = (event) => {
      try {
        const { unread: count } = JSON.parse(event.data as string) as UnreadMessage;
        if (typeof count === "number") setUnread(count);
      } catch {
        // A malformed message changes nothing.
      }
    };
    return () => source.close();
  }, []);
  return (
    <Link
      href="/notifications"
      className="relative inline-flex items-center gap-1.5 text-muted hover:text-ink"
      aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
      data-unread={unread}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" className="size-4">
        <path d="M4 6.5a4 4 0 0 1 8 0c0 3 1.2 4.2 1.5 4.5h-11c.3-.3 1.5-1.5 1.5-4.5Z" />
        <path d="M6.5 13.2a1.6 1.6 0 0 0 3 0" />
      </svg>
      <span className="hidden sm:inline">Notifications</span>
      {unread > 0 ? (
        <span aria-hidden="true" className="min-w-5 rounded-full bg-accent px-1.5 text-center text-xs font-semibold leading-5 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

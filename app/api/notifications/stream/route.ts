import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { eventStream } from "@/lib/http/event-stream";
import { countUnread } from "@/lib/notifications/list-notifications.server";
import { subscribeToUnread } from "@/lib/notifications/unread-feed.server";

/**
 * The signed-in reader's unread count as Server-Sent Events: once on connecting, then whenever it changes.
 * The header's badge listens (components/notifications-link.tsx).
 */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in to continue.", { status: 401 });
  const db = getDb();
  return eventStream(request, {
    subscribe: (changed) => subscribeToUnread(user.id, changed),
    read: async () => ({ unread: await countUnread(db, user.id) }),
  });
}

import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { countUnread } from "@/lib/notifications/list-notifications.server";
import { subscribeToUnread } from "@/lib/notifications/unread-feed.server";

/** Keeps proxies and the browser from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

/**
 * The signed-in reader's unread count as Server-Sent Events: once on connecting, then whenever it changes.
 * The header's badge listens (components/notifications-link.tsx); EventSource reconnects on its own.
 */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in to continue.", { status: 401 });
  const db = getDb();
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = -1;
      const send = async () => {
        try {
          const unread = await countUnread(db, user.id);
          if (unread === last) return;
          last = unread;
          controller.enqueue(encoder.encode(`data: ${JSON.stringify({ unread })}\n\n`));
        } catch {
          // The database is briefly away: the next change or reconnect sends the count.
        }
      };
      const unsubscribe = subscribeToUnread(user.id, () => void send());
      const keepalive = setInterval(() => controller.enqueue(encoder.encode(": keepalive\n\n")), KEEPALIVE_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(keepalive);
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      void send();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" },
  });
}

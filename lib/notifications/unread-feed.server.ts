/**
 * Live unread counts for the pages of this process: whoever subscribes for a user is called whenever that
 * user's notifications change, on any server instance (the NOTIFY in notify-about-comments / mark-read). One
 * LISTEN connection per process, opened on first use and kept on globalThis across Next's dev reloads.
 */
import { listen } from "../db/listen.server";
import { NOTIFICATIONS_CHANNEL } from "./channel";

type Feed = { subscribers: Map<string, Set<() => void>> };
const global = globalThis as unknown as { glossUnreadFeed?: Feed };

function feed(): Feed {
  if (global.glossUnreadFeed) return global.glossUnreadFeed;
  const created: Feed = { subscribers: new Map() };
  global.glossUnreadFeed = created;
  const url = process.env.DATABASE_URL;
  if (url) {
    listen(url, NOTIFICATIONS_CHANNEL, {
      applicationName: "gloss-notifications",
      log: (message) => console.warn(`[gloss] ${message}`),
      onMessage(payload) {
        let userIds: unknown;
        try {
          userIds = (JSON.parse(payload) as { userIds?: unknown }).userIds;
        } catch {
          return;
        }
        if (!Array.isArray(userIds)) return;
        for (const userId of userIds) created.subscribers.get(String(userId))?.forEach((notify) => notify());
      },
      // After a lost connection every count may be stale: refresh them all.
      onListening: () => created.subscribers.forEach((set) => set.forEach((notify) => notify())),
    });
  }
  return created;
}

/** Calls `onChange` whenever `userId`'s notifications change; returns the unsubscribe. */
export function subscribeToUnread(userId: string, onChange: () => void): () => void {
  const { subscribers } = feed();
  const set = subscribers.get(userId) ?? new Set();
  set.add(onChange);
  subscribers.set(userId, set);
  return () => {
    set.delete(onChange);
    if (set.size === 0) subscribers.delete(userId);
  };
}

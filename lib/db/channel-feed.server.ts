/**
 * Fans one PostgreSQL channel out to this process's subscribers, by key: one LISTEN connection per channel and
 * process, opened on first use and kept on globalThis across Next's dev reloads. A payload names the keys it
 * concerns (`keysOf`); after a dropped connection every subscriber is called, since changes may have been missed.
 */
import { listen, type Listener } from "./listen.server";

type Feed = { subscribers: Map<string, Set<() => void>>; listener: Listener | null };
const global = globalThis as unknown as { glossChannelFeeds?: Map<string, Feed> };

function feed(channel: string, keysOf: (payload: unknown) => string[]): Feed {
  const feeds = (global.glossChannelFeeds ??= new Map());
  const existing = feeds.get(channel);
  if (existing) return existing;
  const created: Feed = { subscribers: new Map(), listener: null };
  feeds.set(channel, created);
  const url = process.env.DATABASE_URL;
  if (url) {
    created.listener = listen(url, channel, {
      applicationName: `gloss-feed-${channel}`,
      log: (message) => console.warn(`[gloss] ${message}`),
      onMessage(payload) {
        let keys: string[];
        try {
          keys = keysOf(JSON.parse(payload));
        } catch {
          return;
        }
        for (const key of new Set(keys)) created.subscribers.get(key)?.forEach((notify) => notify());
      },
      onListening: () => created.subscribers.forEach((set) => set.forEach((notify) => notify())),
    });
  }
  return created;
}

/** Calls `onChange` whenever a message on `channel` names `key`; returns the unsubscribe. */
export function subscribeToChannel(channel: string, keysOf: (payload: unknown) => string[], key: string, onChange: () => void): () => void {
  const { subscribers } = feed(channel, keysOf);
  const set = subscribers.get(key) ?? new Set();
  set.add(onChange);
  subscribers.set(key, set);
  return () => {
    set.delete(onChange);
    if (set.size === 0) subscribers.delete(key);
  };
}

/** The strings in `payload[field]`, or none: what most channels' `keysOf` is. */
export function stringsAt(field: string): (payload: unknown) => string[] {
  return (payload) => {
    const value = (payload as Record<string, unknown> | null)?.[field];
    return Array.isArray(value) ? value.map(String) : [];
  };
}

/** Stops every channel's LISTEN in this process (tests, before their database is dropped). */
export async function closeChannelFeeds(): Promise<void> {
  const feeds = global.glossChannelFeeds;
  global.glossChannelFeeds = undefined;
  await Promise.all([...(feeds?.values() ?? [])].map((feed) => feed.listener?.close()));
}

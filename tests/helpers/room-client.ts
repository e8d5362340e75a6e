/**
 * A signed-in reader's page, minus the page: the browser's own room client (lib/client/connect-room.ts) run in
 * Node, so fault tests see exactly what a reader's page would: when it reconnects, when it says "All changes
 * saved", and which closes make it give up. Only the transport differs: a `ws` WebSocket that sends the
 * session cookie and Origin a browser would send on its own.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import { openRoom, type OpenRoom } from "../../lib/client/connect-room";
import { WS_PATH_PREFIX } from "../../lib/live/wire";
import { sessionCookie } from "./users";

/** A `ws` WebSocket class with a browser's headers, in the shape y-websocket expects of `WebSocketPolyfill`. */
export function browserLikeWebSocket(headers: { cookie: string; origin: string }): typeof globalThis.WebSocket {
  class BrowserLikeWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { Cookie: headers.cookie, Origin: headers.origin } });
    }
  }
  return BrowserLikeWebSocket as unknown as typeof globalThis.WebSocket;
}

export type RoomClient = {
  user: { id: string; name: string };
  doc: Y.Doc;
  provider: OpenRoom["provider"];
  /** What the page shows: true while something written here is not confirmed saved. */
  unsaved: () => boolean;
  /**
   * This client's own clock up to which the page last showed "All changes saved": every write that ended at or
   * below it had been confirmed. Each confirmation is kept with the moment it was shown.
   */
  savedClock: () => number;
  confirmations: Array<{ at: number; clock: number }>;
  /** The clock after this client's latest write: a write is confirmed once savedClock() reaches it. */
  ownClock: () => number;
  /** Every close code a connection of this client received from the server, in order. */
  closeCodes: number[];
  /** The close after which the page stopped reconnecting and told the reader to reload, if any. */
  finalClose: () => { code: number; message: string } | null;
  synced: () => boolean;
  /** Resolves once the client has the server's state (now, or after its next sync); rejects after `ms`. */
  waitForSync: (ms?: number) => Promise<void>;
  /** The network drops: the socket dies without a closing handshake, and the page reconnects as it would. */
  dropConnection: () => void;
  destroy: () => void;
};

export type RoomClientOptions = {
  /** The server's HTTP origin, e.g. http://127.0.0.1:1234 (the websocket goes to the same host). */
  origin: string;
  roomId: string;
  user: { id: string; name: string };
};

export async function openRoomAs({ origin, roomId, user }: RoomClientOptions): Promise<RoomClient> {
  const cookie = await sessionCookie(user.id);
  const base = `${origin.replace(/^http/, "ws")}${WS_PATH_PREFIX.slice(0, -1)}`;
  let unsaved = false;
  let savedClock = 0;
  let finalClose: { code: number; message: string } | null = null;
  const confirmations: Array<{ at: number; clock: number }> = [];
  const closeCodes: number[] = [];
  const open = openRoom(
    roomId,
    user,
    {
      onStatus: () => {},
      onSync: () => {},
      onPending(pending) {
        unsaved = pending > 0;
        if (unsaved) return;
        savedClock = Y.getState(open.doc.store, open.doc.clientID);
        confirmations.push({ at: Date.now(), clock: savedClock });
      },
      onFinalClose(code, message) {
        finalClose = { code, message };
      },
    },
    { websocketBase: base, WebSocket: browserLikeWebSocket({ cookie, origin }) },
  );
  const { doc, provider } = open;
  provider.on("connection-close", (event) => {
    if (event) closeCodes.push(event.code);
  });

  return {
    user,
    doc,
    provider,
    unsaved: () => unsaved,
    savedClock: () => savedClock,
    confirmations,
    ownClock: () => Y.getState(doc.store, doc.clientID),
    closeCodes,
    finalClose: () => finalClose,
    synced: () => provider.synced,
    waitForSync(ms = 10_000) {
      if (provider.synced) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          provider.off("sync", onSync);
          reject(new Error(`${user.name} did not sync within ${ms} ms (close codes so far: ${closeCodes.join(", ") || "none"})`));
        }, ms);
        function onSync(isSynced: boolean) {
          if (!isSynced) return;
          clearTimeout(timer);
          provider.off("sync", onSync);
          resolve();
        }
        provider.on("sync", onSync);
      });
    },
    dropConnection: () => (provider.ws as unknown as WebSocket | null)?.terminate(),
    destroy: () => open.destroy(),
  };
}

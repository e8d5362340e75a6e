/**
 * Opens a room's live document: one Y.Doc and one y-websocket connection to /ws/<roomId> on this origin
 * (the session cookie goes with the upgrade request; the server authenticates from it). Loaded only in the
 * browser, on demand (see use-room.ts), so Yjs is neither in the server render nor in the first script.
 *
 * The core (`openRoom`) takes the websocket address and class from its caller and touches no browser global,
 * so the fault tests run this very code in Node, with a `ws` WebSocket that sends the session cookie itself,
 * rather than a look-alike client that could behave better than the page does.
 */
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CloseCode, isFinalClose, MessageType, WS_PATH_PREFIX } from "../live/wire";
import { savedClockIn } from "./saved-clock";
import { syncServerClock } from "./server-clock";

/** What the page says after a close that reconnecting cannot help (FINAL_CLOSE_CODES in lib/live/wire.ts). */
export const FINAL_CLOSE_MESSAGES: Record<number, string> = {
  [CloseCode.Unauthenticated]: "Your session has ended, so live notes are paused. Sign in again to see and add notes.",
  [CloseCode.Forbidden]: "You do not have access to this essay’s discussion.",
  [CloseCode.RoomNotFound]: "This essay’s discussion is not available: the essay may have been taken off the seminar’s reading list.",
  [CloseCode.Archived]: "This seminar has been archived: its notes are read-only now. Reload the page to read them.",
  [CloseCode.MalformedMessage]: "The connection to the discussion failed. Reload the page to reconnect.",
  [CloseCode.UpdateRefused]: "The server refused a change from this page. Reload the page to continue.",
  [CloseCode.QuotaExceeded]: "You have added as much as one person can to this essay’s discussion. Delete some of your notes to add more.",
  [CloseCode.MessageTooBig]: "A change from this page was too large for the server. Reload the page to continue.",
};

function finalCloseMessage(code: number): string | null {
  if (!isFinalClose(code)) return null;
  return FINAL_CLOSE_MESSAGES[code] ?? "The connection to the discussion ended. Reload the page to reconnect.";
}

export function websocketBase(): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${WS_PATH_PREFIX.slice(0, -1)}`;
}

export type RoomEvents = {
  onStatus: (status: "connected" | "disconnected" | "connecting") => void;
  onSync: (synced: boolean) => void;
  /** The server ended the connection for good; reconnecting has been stopped. */
  onFinalClose: (code: number, message: string) => void;
  /** Whether this page has changes the server has not yet confirmed saving. */
  onUnsaved: (unsaved: boolean) => void;
};

/**
 * Tracks what the server has confirmed saving: it sends each update back to its writer once it is in the
 * database (server/room.ts), and its sync step 1 carries how much of ours it holds. Read by peeking at sync
 * messages before y-websocket's own handler takes them.
 */
function trackSaved(doc: Y.Doc, provider: WebsocketProvider, onUnsaved: (unsaved: boolean) => void): () => void {
  let saved = 0;
  let unsaved = false;
  const report = () => {
    const now = Y.getState(doc.store, doc.clientID) > saved;
    if (now !== unsaved) onUnsaved((unsaved = now));
  };
  const handleSync = provider.messageHandlers[MessageType.Sync]!;
  provider.messageHandlers[MessageType.Sync] = (encoder, decoder, ...rest) => {
    const clock = savedClockIn(decoder, doc.clientID);
    handleSync(encoder, decoder, ...rest);
    if (clock !== null && clock > saved) saved = clock;
    report();
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) report();
  };
  doc.on("update", onUpdate);
  return () => doc.off("update", onUpdate);
}

export type OpenRoom = { doc: Y.Doc; provider: WebsocketProvider; destroy: () => void };

/** Where rooms are served and which WebSocket class reaches them. */
export type RoomTransport = {
  /** `ws(s)://<host>/ws`; the room id is appended. */
  websocketBase: string;
  /** Defaults to the browser's WebSocket; Node passes one that adds the Cookie and Origin a browser would send. */
  WebSocket?: typeof WebSocket;
};

/** The page's room connection: the browser's origin and WebSocket. */
export function connectRoom(roomId: string, me: { id: string; name: string }, events: RoomEvents): OpenRoom {
  return openRoom(roomId, me, events, { websocketBase: websocketBase() });
}

export function openRoom(roomId: string, me: { id: string; name: string }, events: RoomEvents, transport: RoomTransport): OpenRoom {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(transport.websocketBase, roomId, doc, {
    // Tabs must not share edits behind the server's back: every change goes through its checks.
    disableBc: true,
    shouldReconnect: (event) => !isFinalClose(event.code),
    ...(transport.WebSocket ? { WebSocketPolyfill: transport.WebSocket } : {}),
  });
  const stopTracking = trackSaved(doc, provider, events.onUnsaved);
  // The server replaces this with the identity from the session; set it anyway so the local view agrees.
  provider.awareness.setLocalStateField("user", { id: me.id, name: me.name });

  const onStatus = ({ status }: { status: "connected" | "disconnected" | "connecting" }) => {
    if (status === "connected") void syncServerClock();
    events.onStatus(status);
  };
  const onClose = (event: CloseEvent | null) => {
    const message = event ? finalCloseMessage(event.code) : null;
    if (!event || !message) return;
    provider.shouldConnect = false;
    console.warn(`Gloss: the room closed the connection (${event.code}: ${event.reason || "no reason given"})`);
    events.onFinalClose(event.code, message);
  };
  provider.on("status", onStatus);
  provider.on("sync", events.onSync);
  provider.on("connection-close", onClose);

  return {
    doc,
    provider,
    destroy() {
      provider.off("status", onStatus);
      provider.off("sync", events.onSync);
      provider.off("connection-close", onClose);
      stopTracking();
      provider.destroy();
      doc.destroy();
    },
  };
}

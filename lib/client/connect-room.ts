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
import { keepOfflineCopy, type OfflineCopy } from "./offline-copy";
import { heldByServerIn, pendingChanges } from "./saved-clock";
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
  /** How many changes the server has not yet confirmed saving (0 when all are saved). */
  onPending: (pending: number) => void;
};

/**
 * Tracks what the server has confirmed saving: it sends each update back to its writer once it is in the
 * database (server/room.ts), and its sync step 1 carries its state vector. Read by peeking at sync messages before
 * y-websocket's own handler takes them. `held` starts from what an offline copy remembers, so changes made on an
 * earlier visit without a connection still count as waiting.
 */
function trackSaved(doc: Y.Doc, provider: WebsocketProvider, onPending: (pending: number) => void, onHeld: (held: Map<number, number>) => void) {
  const held = new Map<number, number>();
  let pending = 0;
  const report = () => {
    // Runs on every sync message: the clocks are read from the store, not encoded and decoded again.
    const now = pendingChanges(new Map([...doc.store.clients.keys()].map((client) => [client, Y.getState(doc.store, client)])), held);
    if (now !== pending) onPending((pending = now));
  };
  const merge = (more: Map<number, number>) => {
    let grew = false;
    for (const [client, clock] of more) {
      if (clock > (held.get(client) ?? 0)) {
        held.set(client, clock);
        grew = true;
      }
    }
    if (grew) onHeld(held);
  };
  const handleSync = provider.messageHandlers[MessageType.Sync]!;
  provider.messageHandlers[MessageType.Sync] = (encoder, decoder, ...rest) => {
    const more = heldByServerIn(decoder);
    handleSync(encoder, decoder, ...rest);
    if (more) merge(more);
    report();
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) report();
  };
  doc.on("update", onUpdate);
  return {
    /** What an offline copy remembered the server holding. */
    remembered(stateVector: Map<number, number>) {
      merge(stateVector);
      report();
    },
    stop: () => doc.off("update", onUpdate),
  };
}

export type OpenRoom = { doc: Y.Doc; provider: WebsocketProvider; destroy: () => void };

/** Where rooms are served and which WebSocket class reaches them. */
export type RoomTransport = {
  /** `ws(s)://<host>/ws`; the room id is appended. */
  websocketBase: string;
  /** Defaults to the browser's WebSocket; Node passes one that adds the Cookie and Origin a browser would send. */
  WebSocket?: typeof WebSocket;
};

/** The page's room connection: the browser's origin and WebSocket, with a copy kept for working offline. */
export function connectRoom(roomId: string, me: { id: string; name: string }, events: RoomEvents): OpenRoom {
  const open = openRoom(roomId, me, events, { websocketBase: websocketBase() }, (doc) => keepOfflineCopy(doc, me.id, roomId));
  // A lost network often leaves the socket looking open until its 30 s silence timeout; the browser knows sooner.
  const onOffline = () => open.provider.ws?.close();
  window.addEventListener("offline", onOffline);
  return {
    ...open,
    destroy() {
      window.removeEventListener("offline", onOffline);
      open.destroy();
    },
  };
}

/**
 * Closes after which this browser's copy of the room is deleted: what it holds can never reach the server (a change
 * it refused, a seminar archived or left) and would otherwise be sent again, and refused again, on every visit. A
 * session that ended keeps it: once signed in again, the waiting changes go through.
 */
/** How long the live room waits for this browser's copy before connecting without it. */
const OFFLINE_COPY_WAIT_MS = 2000;

const CLEARS_OFFLINE_COPY = new Set<number>([
  CloseCode.Forbidden,
  CloseCode.RoomNotFound,
  CloseCode.UpdateRefused,
  CloseCode.QuotaExceeded,
  CloseCode.MessageTooBig,
  CloseCode.Archived,
]);

export function openRoom(
  roomId: string,
  me: { id: string; name: string },
  events: RoomEvents,
  transport: RoomTransport,
  keep?: (doc: Y.Doc) => OfflineCopy,
): OpenRoom {
  const doc = new Y.Doc();
  const copy = keep?.(doc) ?? null;
  let destroyed = false;
  const provider = new WebsocketProvider(transport.websocketBase, roomId, doc, {
    // Tabs must not share edits behind the server's back: every change goes through its checks.
    disableBc: true,
    shouldReconnect: (event) => !isFinalClose(event.code),
    ...(transport.WebSocket ? { WebSocketPolyfill: transport.WebSocket } : {}),
    // With an offline copy, connect once it is in the document: loaded later, it would go out as one update holding
    // the whole room, everyone's entries included, which the server rightly refuses from this reader. Loaded first,
    // the sync sends only what the server lacks.
    connect: copy === null,
  });
  const tracking = trackSaved(doc, provider, events.onPending, (held) => copy?.rememberServerState(Y.encodeStateVector(held)));
  if (copy) {
    const loaded = copy.loaded.then((held) => held && tracking.remembered(Y.decodeStateVector(held)));
    // A browser that cannot open IndexedDB (storage blocked, a stuck upgrade) still gets the live room.
    const givenUp = new Promise((resolve) => setTimeout(resolve, OFFLINE_COPY_WAIT_MS));
    void Promise.race([loaded, givenUp])
      .catch(() => {})
      .then(() => {
        if (!destroyed) provider.connect();
      });
  }
  // The server replaces this with the identity from the session; set it anyway so the local view agrees.
  provider.awareness.setLocalStateField("user", { id: me.id, name: me.name });

  const onStatus = ({ status }: { status: "connected" | "disconnected" | "connecting" }) => {
    if (status === "connected") void syncServerClock();
    events.onStatus(status);
  };
  const onClose = (event: CloseEvent | null) => {
    const message = event ? finalCloseMessage(event.code) : null;
    // y-websocket says "disconnected" only after a connection that had opened: a page opened (or reloaded) without
    // a network never connects, and must say it is offline rather than "connecting" forever.
    if (!message) return events.onStatus("disconnected");
    if (!event) return;
    provider.shouldConnect = false;
    console.warn(`Gloss: the room closed the connection (${event.code}: ${event.reason || "no reason given"})`);
    if (CLEARS_OFFLINE_COPY.has(event.code)) void copy?.clear();
    events.onFinalClose(event.code, message);
  };
  provider.on("status", onStatus);
  provider.on("sync", events.onSync);
  provider.on("connection-close", onClose);

  return {
    doc,
    provider,
    destroy() {
      destroyed = true;
      provider.off("status", onStatus);
      provider.off("sync", events.onSync);
      provider.off("connection-close", onClose);
      tracking.stop();
      copy?.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}

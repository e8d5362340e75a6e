/**
 * One headless reader or writer: a Yjs document kept in step with a room over `ws` with y-protocols' sync
 * messages, as the page's own client does. Presence is left to whoever asks for it (presence-reader.ts): most
 * scenarios have none. It notes when each frame arrived before decoding it, on the harness's one clock
 * (clock.ts), so a latency is the server's and the network's, not this client's decoding.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import WebSocket from "ws";
import * as Y from "yjs";
import { ANNOTATIONS } from "../../lib/doc/layout";
import { now } from "./clock";
import { MESSAGE_AWARENESS, MESSAGE_SYNC, type Wire } from "./wire";

export type ClientOptions = {
  url: string;
  room: string;
  wire: Wire;
  cookie?: string;
  origin: string;
  /** Called for every annotation key the server adds to this client's document, with the frame's arrival time. */
  onAnnotation?: (key: string, arrivedAt: number) => void;
  /** Called for every awareness message, with its body (an awareness update), its arrival time and the frame's size. */
  onAwareness?: (update: Uint8Array, arrivedAt: number, frameBytes: number) => void;
};

export type BenchClient = {
  doc: Y.Doc;
  /** Resolves with the time (clock.ts) the server's sync step 2 was applied; rejects if closed first. */
  synced: Promise<number>;
  /** Resolves with the close code. */
  closed: Promise<number>;
  close: () => Promise<number>;
  /** Sends an awareness update (y-protocols' encoding) to the room, if the socket is open. */
  sendAwareness: (update: Uint8Array) => void;
};

const SERVER = Symbol("server");

export function connectBenchClient({ url, room, wire, cookie, origin, onAnnotation, onAwareness }: ClientOptions): BenchClient {
  const doc = new Y.Doc();
  const headers: Record<string, string> = { origin };
  if (cookie) headers.cookie = cookie;
  const ws = new WebSocket(url, { headers });
  let markSynced!: (at: number) => void;
  let failSync!: (error: Error) => void;
  const synced = new Promise<number>((resolve, reject) => ((markSynced = resolve), (failSync = reject)));
  synced.catch(() => {}); // a client that never syncs is counted by its scenario, not thrown here
  const closed = new Promise<number>((resolve) =>
    ws.on("close", (code, reason) => {
      failSync(new Error(`closed with ${code} ${reason.toString()} before syncing`));
      resolve(code);
    }),
  );
  ws.on("error", () => {});

  const send = (frame: Uint8Array) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  };

  ws.on("open", () => {
    for (const hello of wire.hello(room)) send(hello);
    send(wire.frame(room, (e) => (encoding.writeVarUint(e, MESSAGE_SYNC), syncProtocol.writeSyncStep1(e, doc))));
  });

  let arrivedAt = 0;
  if (onAnnotation) {
    doc.getMap(ANNOTATIONS).observe((event) => {
      if (event.transaction.origin !== SERVER) return;
      for (const [key, change] of event.changes.keys) if (change.action === "add") onAnnotation(key, arrivedAt);
    });
  }

  ws.on("message", (data: Buffer) => {
    arrivedAt = now();
    const message = wire.read(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (message?.type === MESSAGE_AWARENESS && onAwareness) onAwareness(decoding.readVarUint8Array(message.decoder), arrivedAt, data.byteLength);
    if (!message || message.type !== MESSAGE_SYNC) return;
    let step = -1;
    const reply = wire.frame(room, (e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      step = syncProtocol.readSyncMessage(message.decoder, e, doc, SERVER);
    });
    // Only the server's sync step 1 asks for an answer (our state); steps 2 and updates are applied in place.
    if (step === syncProtocol.messageYjsSyncStep1) send(reply);
    if (step === syncProtocol.messageYjsSyncStep2) markSynced(now());
  });

  doc.on("update", (update: Uint8Array, from: unknown) => {
    if (from === SERVER) return;
    send(wire.frame(room, (e) => (encoding.writeVarUint(e, MESSAGE_SYNC), syncProtocol.writeUpdate(e, update))));
  });

  return {
    doc,
    synced,
    closed,
    close: () => {
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close();
      return closed;
    },
    sendAwareness: (update) => send(wire.frame(room, (e) => (encoding.writeVarUint(e, MESSAGE_AWARENESS), encoding.writeVarUint8Array(e, update)))),
  };
}

/**
 * A y-websocket protocol client written against y-protocols, with no browser and no UI: it sends exactly what
 * a test tells it to, which is what a misbehaving client would do too.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import WebSocket from "ws";
import * as Y from "yjs";

export type Closed = { code: number; reason: string };

export type TestClient = {
  doc: Y.Doc;
  awareness: Awareness;
  ws: WebSocket;
  /** Resolves after the server's sync step 2 (the room's state) has been applied. */
  synced: Promise<void>;
  closed: Promise<Closed>;
  /** Every frame received from the server, in order. */
  received: Uint8Array[];
  sendRaw: (frame: Uint8Array | string) => void;
  sendUpdate: (update: Uint8Array) => void;
  close: () => Promise<Closed>;
};

const SERVER = Symbol("server");

export function connectClient(
  url: string,
  { cookie, origin, doc = new Y.Doc() }: { cookie?: string; origin?: string; doc?: Y.Doc },
): TestClient {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (origin) headers.origin = origin;
  const ws = new WebSocket(url, { headers });
  const awareness = new Awareness(doc);
  const received: Uint8Array[] = [];
  let markSynced: () => void;
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  const closed = new Promise<Closed>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on("error", () => {});

  const send = (build: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    build(encoder);
    if (ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(encoder));
  };
  const sendUpdate = (update: Uint8Array) =>
    send((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, update);
    });

  ws.on("open", () => {
    send((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, doc);
    });
    if (awareness.getLocalState() !== null) {
      send((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [doc.clientID]));
      });
    }
  });
  ws.on("message", (data: Buffer) => {
    const frame = new Uint8Array(data);
    received.push(frame);
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === 0) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      const step = syncProtocol.readSyncMessage(decoder, reply, doc, SERVER);
      if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply));
      if (step === syncProtocol.messageYjsSyncStep2) markSynced();
    } else if (type === 1) {
      applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), SERVER);
    }
  });
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== SERVER) sendUpdate(update);
  });
  awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
    if (origin === SERVER) return;
    const changed = [...added!, ...updated!, ...removed!];
    send((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, changed));
    });
  });

  return {
    doc,
    awareness,
    ws,
    synced,
    closed,
    received,
    sendRaw: (frame) => ws.send(frame),
    sendUpdate,
    close: () => {
      ws.close();
      return closed;
    },
  };
}

/** Resolves when `predicate` holds, checking after every change to the document; rejects after `ms`. */
export function waitFor(doc: Y.Doc, predicate: () => boolean, ms = 5000, what = "the document to change"): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      doc.off("afterTransaction", check);
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    function check() {
      if (!predicate()) return;
      clearTimeout(timer);
      doc.off("afterTransaction", check);
      resolve();
    }
    doc.on("afterTransaction", check);
  });
}

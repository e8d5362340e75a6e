/**
 * The socket half of a bench client, shared by the full client (client.ts) and the light one (light-client.ts):
 * opens the websocket with the wire's framing, sends its sync step 1, notes each frame's arrival on the
 * harness's clock (clock.ts) before anything is decoded, hands awareness to whoever asks for it and sync
 * messages to the client's own handler. What a client does with the document is the only thing that differs,
 * so both kinds see the servers through exactly the same socket code.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import WebSocket from "ws";
import { now } from "./clock";
import { MESSAGE_AWARENESS, MESSAGE_SYNC, type Wire } from "./wire";

export type RoomSocketOptions = {
  url: string;
  room: string;
  wire: Wire;
  cookie?: string;
  origin: string;
  /** Called for every awareness message, with its body (an awareness update), its arrival time and the frame's size. */
  onAwareness?: (update: Uint8Array, arrivedAt: number, frameBytes: number) => void;
};

/** What every bench client offers, full or light. */
export type RoomClient = {
  /** Resolves with the time (clock.ts) the server's sync step 2 was taken in; rejects if closed first. */
  synced: Promise<number>;
  /** Resolves with the close code. */
  closed: Promise<number>;
  close: () => Promise<number>;
  /** Sends an awareness update (y-protocols' encoding) to the room, if the socket is open. */
  sendAwareness: (update: Uint8Array) => void;
};

export type SyncHandler = {
  /** The state vector of this client's sync step 1, sent on opening. */
  stateVector: Uint8Array;
  /**
   * Takes a sync message (decoder at its body, the raw frame, its arrival time), writing any answer into
   * `reply` after the message type; returns the sync step it was (y-protocols' numbering).
   */
  receive: (decoder: decoding.Decoder, reply: encoding.Encoder, frame: Uint8Array, arrivedAt: number) => number;
};

export type RoomSocket = RoomClient & {
  /** Sends one y-websocket message, framed for the server, if the socket is open. */
  send: (write: (encoder: encoding.Encoder) => void) => void;
};

export function openRoomSocket({ url, room, wire, cookie, origin, onAwareness }: RoomSocketOptions, sync: SyncHandler): RoomSocket {
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

  const sendFrame = (frame: Uint8Array) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  };
  const send = (write: (encoder: encoding.Encoder) => void) => sendFrame(wire.frame(room, write));

  ws.on("open", () => {
    for (const hello of wire.hello(room)) sendFrame(hello);
    send((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
      encoding.writeVarUint8Array(e, sync.stateVector);
    });
  });

  ws.on("message", (data: Buffer) => {
    const arrivedAt = now();
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const message = wire.read(frame);
    if (message?.type === MESSAGE_AWARENESS && onAwareness) onAwareness(decoding.readVarUint8Array(message.decoder), arrivedAt, data.byteLength);
    if (!message || message.type !== MESSAGE_SYNC) return;
    let step = -1;
    const reply = wire.frame(room, (e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      step = sync.receive(message.decoder, e, frame, arrivedAt);
    });
    // Only the server's sync step 1 asks for an answer (our state); steps 2 and updates are taken in place.
    if (step === syncProtocol.messageYjsSyncStep1) sendFrame(reply);
    if (step === syncProtocol.messageYjsSyncStep2) markSynced(now());
  });

  return {
    synced,
    closed,
    send,
    close: () => {
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close();
      return closed;
    },
    sendAwareness: (update) => send((e) => (encoding.writeVarUint(e, MESSAGE_AWARENESS), encoding.writeVarUint8Array(e, update))),
  };
}

/**
 * How a bench client frames the y-websocket protocol for each server, so that one client serves all three.
 * Gloss and @y/websocket-server speak it plainly, the room named by the URL. Hocuspocus (2.x and later) puts
 * the document's name in front of every message in both directions and sets a document up only after an Auth
 * message for it, whatever the URL says (ClientConnection.handleQueueingMessage in @hocuspocus/server 4.7);
 * so for it the client adds that name and an Auth message with a dummy token (the bench server has no
 * onAuthenticate hook), and reads its SyncReply (4) as the sync message it is. Nothing else differs.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

export type WireName = "plain" | "hocuspocus";

export type Wire = {
  /** How a worker thread asks for the same wire (functions do not cross threads). */
  name: WireName;
  /** Frames sent first, as soon as the socket opens. */
  hello: (room: string) => Uint8Array[];
  /** One y-websocket message (type, then body) as this server wants it. */
  frame: (room: string, write: (encoder: encoding.Encoder) => void) => Uint8Array;
  /** The y-websocket message type of a frame, with a decoder at its body; null for the server's own messages. */
  read: (frame: Uint8Array) => { type: number; decoder: decoding.Decoder } | null;
};

export const plainWire: Wire = {
  name: "plain",
  hello: () => [],
  frame: (_room, write) => {
    const encoder = encoding.createEncoder();
    write(encoder);
    return encoding.toUint8Array(encoder);
  },
  read: (frame) => {
    const decoder = decoding.createDecoder(frame);
    return { type: decoding.readVarUint(decoder), decoder };
  },
};

const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_AUTH_TOKEN = 0;
const HOCUSPOCUS_SYNC_REPLY = 4;

export const hocuspocusWire: Wire = {
  name: "hocuspocus",
  hello: (room) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, room);
    encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
    encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN);
    encoding.writeVarString(encoder, "bench");
    return [encoding.toUint8Array(encoder)];
  },
  frame: (room, write) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, room);
    write(encoder);
    return encoding.toUint8Array(encoder);
  },
  read: (frame) => {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === HOCUSPOCUS_SYNC_REPLY) return { type: MESSAGE_SYNC, decoder };
    if (type === MESSAGE_SYNC || type === MESSAGE_AWARENESS) return { type, decoder };
    return null; // Auth answers, SyncStatus acknowledgements, pings: Hocuspocus's own, nothing for the document
  },
};

export const WIRES: Record<WireName, Wire> = { plain: plainWire, hocuspocus: hocuspocusWire };

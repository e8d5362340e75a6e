/**
 * A light reader: it speaks the y-websocket sync protocol like any client (room-socket.ts) but keeps no Yjs
 * document. Applying a note costs a full reader about 70 µs, so a hundred readers of a fast writer need about
 * two cores for that alone, and on a small machine the figures then measure the readers, not the server.
 * A light reader answers the server's sync step 1 with an empty document's step 2 (it has nothing to give),
 * asks with an empty state vector so it is sent the whole room, counts itself synced at the first step 2, and
 * times a note by finding its key in the raw frame (key-scanner.ts): the keys are fixed before the writer
 * starts. Presence is unchanged: awareness updates are small and decoded as before (presence-reader.ts).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { KeyScanner } from "./key-scanner";
import { openRoomSocket, type RoomClient, type RoomSocketOptions } from "./room-socket";

export type LightClientOptions = RoomSocketOptions & {
  /** The annotation keys to look for, and what to call when one first arrives (with its frame's arrival time). */
  keys?: Iterable<string>;
  onAnnotation?: (key: string, arrivedAt: number) => void;
};

const EMPTY = new Y.Doc();
/** An empty document's state vector and its whole state as an update, the only answers a light reader gives. */
const EMPTY_STATE_VECTOR = Y.encodeStateVector(EMPTY);
const EMPTY_UPDATE = Y.encodeStateAsUpdate(EMPTY);

export function connectLightClient({ keys = [], onAnnotation, ...options }: LightClientOptions): RoomClient {
  const scanner = new KeyScanner(keys);
  const socket = openRoomSocket(options, {
    stateVector: EMPTY_STATE_VECTOR,
    receive: (decoder, reply, frame, arrivedAt) => {
      const step = decoding.readVarUint(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        encoding.writeVarUint(reply, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(reply, EMPTY_UPDATE);
      } else if (onAnnotation) {
        // Step 2 or an update: the whole frame is scanned, as its header cannot hold a key's bytes.
        for (const key of scanner.scan(frame)) onAnnotation(key, arrivedAt);
      }
      return step;
    },
  });
  return { synced: socket.synced, closed: socket.closed, close: socket.close, sendAwareness: socket.sendAwareness };
}

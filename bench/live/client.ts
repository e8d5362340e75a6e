/**
 * One full headless reader or writer: a Yjs document kept in step with a room with y-protocols' sync messages,
 * as the page's own client does, over the shared socket code (room-socket.ts). Writers need one (their notes are
 * made in it), and so do the readers whose documents are checked for every note at the end of a scenario and the
 * rows that time applying a room's state. Readers that only time arrivals are light (light-client.ts).
 */
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { ANNOTATIONS } from "../../lib/doc/layout";
import { openRoomSocket, type RoomClient, type RoomSocketOptions } from "./room-socket";
import { MESSAGE_SYNC } from "./wire";

export type ClientOptions = RoomSocketOptions & {
  /** Called for every annotation key the server adds to this client's document, with the frame's arrival time. */
  onAnnotation?: (key: string, arrivedAt: number) => void;
};

export type BenchClient = RoomClient & { doc: Y.Doc };

const SERVER = Symbol("server");

export function connectBenchClient({ onAnnotation, ...options }: ClientOptions): BenchClient {
  const doc = new Y.Doc();
  let arrivedAt = 0;
  const socket = openRoomSocket(options, {
    stateVector: Y.encodeStateVector(doc),
    receive: (decoder, reply, _frame, at) => {
      arrivedAt = at;
      return syncProtocol.readSyncMessage(decoder, reply, doc, SERVER);
    },
  });

  if (onAnnotation) {
    doc.getMap(ANNOTATIONS).observe((event) => {
      if (event.transaction.origin !== SERVER) return;
      for (const [key, change] of event.changes.keys) if (change.action === "add") onAnnotation(key, arrivedAt);
    });
  }

  doc.on("update", (update: Uint8Array, from: unknown) => {
    if (from === SERVER) return;
    socket.send((e) => (encoding.writeVarUint(e, MESSAGE_SYNC), syncProtocol.writeUpdate(e, update)));
  });

  return { doc, synced: socket.synced, closed: socket.closed, close: socket.close, sendAwareness: socket.sendAwareness };
}

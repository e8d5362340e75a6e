/**
 * How code outside the websocket server (an import) writes into a live room: through the one websocket server of
 * this process, which opens the room if it is not loaded, applies the write as its own, stores it and sends it to
 * every reader, and keeps the relational copy. Writing around it (into the log directly) could be lost to a loaded
 * room's compaction, so without a server in this process there is no writer.
 */
import type * as Y from "yjs";

export type RoomWriter = (roomId: string, write: (doc: Y.Doc) => void) => Promise<void>;

const global = globalThis as unknown as { glossRoomWriter?: RoomWriter };

export function setRoomWriter(writer: RoomWriter): void {
  global.glossRoomWriter = writer;
}

export function clearRoomWriter(writer: RoomWriter): void {
  if (global.glossRoomWriter === writer) global.glossRoomWriter = undefined;
}

export function getRoomWriter(): RoomWriter | null {
  return global.glossRoomWriter ?? null;
}

/**
 * A room's document kept in this browser (IndexedDB, through y-indexeddb), so the reader keeps working without a
 * connection: a reload while offline shows the notes, and changes made offline wait here until the server has
 * them. Also kept: what the server is known to hold (its state vector), so "N changes waiting" survives a reload.
 *
 * One database per person and room. Signing out clears them all (clearOfflineCopies), since a shared computer
 * must not keep someone's private notes (offline-storage.ts); a room the server refuses for good is cleared by
 * connect-room.ts.
 */
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";

import { OFFLINE_COPY_PREFIX } from "./offline-storage";
const SERVER_STATE = "server-state";

export type OfflineCopy = {
  /** Resolves once the stored document has been applied, with the server's state as last known (or null). */
  loaded: Promise<Uint8Array | null>;
  /** Remembers what the server holds (an encoded state vector). */
  rememberServerState: (stateVector: Uint8Array) => void;
  /** Deletes this room's copy. */
  clear: () => Promise<void>;
  destroy: () => void;
};

export function keepOfflineCopy(doc: Y.Doc, userId: string, roomId: string): OfflineCopy {
  const persistence = new IndexeddbPersistence(`${OFFLINE_COPY_PREFIX}${userId}:${roomId}`, doc);
  let writing: ReturnType<typeof setTimeout> | undefined;
  let latest: Uint8Array | null = null;
  return {
    loaded: persistence.whenSynced.then(async () => {
      const stored: unknown = await persistence.get(SERVER_STATE);
      return stored instanceof ArrayBuffer ? new Uint8Array(stored) : null;
    }),
    rememberServerState(stateVector) {
      latest = stateVector.slice();
      // Sync messages come in bursts; one write per burst is enough.
      clearTimeout(writing);
      writing = setTimeout(() => void persistence.set(SERVER_STATE, latest!.buffer as ArrayBuffer), 200);
    },
    async clear() {
      clearTimeout(writing);
      await persistence.clearData();
    },
    destroy() {
      clearTimeout(writing);
      if (latest) void persistence.set(SERVER_STATE, latest.buffer as ArrayBuffer);
      void persistence.destroy();
    },
  };
}

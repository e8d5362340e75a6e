/**
 * Whether a Yjs update would change nothing in a document: every struct in it is there already and every deletion
 * has happened already. A read-only connection (an archived seminar's room) must still complete the sync
 * handshake, and a page's sync step 2 is never empty once it has seen a deletion: it carries the document's whole
 * delete set. Such updates are accepted as the no-ops they are; anything else from it is refused.
 */
import * as Y from "yjs";

export function addsNothing(update: Uint8Array, doc: Y.Doc): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return false;
  }
  const store = doc.store;
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > Y.getState(store, struct.id.client)) return false;
  }
  const ds = (decoded.ds as unknown as { clients: Map<number, Array<{ clock: number; len: number }>> }).clients;
  for (const [client, ranges] of ds) {
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len; ) {
        if (at >= Y.getState(store, client)) return false;
        const struct = Y.getItem(store, Y.createID(client, at)) as Y.Item | Y.GC;
        if (!(struct instanceof Y.GC) && !struct.deleted) return false;
        at = struct.id.clock + struct.length;
      }
    }
  }
  return true;
}

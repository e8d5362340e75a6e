import * as decoding from "lib0/decoding";
import * as Y from "yjs";

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * How far the server has confirmed saving `clientId`'s own changes, as told by one sync message from the
 * server (read from a copy of its decoder, positioned after the message type): its state vector in sync
 * step 1, or the end of this client's content in an update it sends back after saving. null when the message
 * says nothing about this client.
 */
export function savedClockIn(syncMessage: decoding.Decoder, clientId: number): number | null {
  try {
    const decoder = decoding.clone(syncMessage);
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === SYNC_STEP_1) return Y.decodeStateVector(payload).get(clientId) ?? null;
    if (step === SYNC_STEP_2 || step === SYNC_UPDATE) return Y.parseUpdateMeta(payload).to.get(clientId) ?? null;
  } catch {
    // Not ours to judge: y-websocket's own handler deals with a malformed message.
  }
  return null;
}

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
  return heldByServerIn(syncMessage)?.get(clientId) ?? null;
}

/**
 * What one sync message from the server says it holds, per client: its whole state vector in sync step 1, the end
 * of each client's content in an update it sends (the server stores before it sends). null when the message is not
 * one of these or cannot be read.
 */
export function heldByServerIn(syncMessage: decoding.Decoder): Map<number, number> | null {
  try {
    const decoder = decoding.clone(syncMessage);
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === SYNC_STEP_1) return Y.decodeStateVector(payload);
    if (step === SYNC_STEP_2 || step === SYNC_UPDATE) return Y.parseUpdateMeta(payload).to;
  } catch {
    // Not ours to judge: y-websocket's own handler deals with a malformed message.
  }
  return null;
}

/**
 * How many of this document's changes the server does not hold yet: for each client (this page's, and those of
 * earlier visits kept offline), the items past what the server has. A highlight with its comment counts two.
 */
export function pendingChanges(local: Map<number, number>, held: Map<number, number>): number {
  let pending = 0;
  for (const [client, clock] of local) pending += Math.max(0, clock - (held.get(client) ?? 0));
  return pending;
}

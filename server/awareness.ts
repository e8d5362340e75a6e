/**
 * Awareness (presence) from clients is rewritten before the room takes it: the identity comes from the
 * server's session, never from what the client claims, and only the fields Gloss shows are kept.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Writer } from "../lib/doc/permissions";
import { SpotlightSchema } from "../lib/live/presence";
import { colorFor } from "../lib/presence/color";

const MAX_ENTRIES = 4096;
/** Far more than the user, colour and paragraph Gloss keeps; bounds the JSON parsed per entry. */
const MAX_STATE_LENGTH = 16 * 1024;

export type AwarenessEntry = { clientId: number; clock: number; state: Record<string, unknown> | null };

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  // y-websocket forwards every state it applies, so a reader joining a full room sends all of them back.
  if (count > MAX_ENTRIES) throw new Error("too many awareness entries");
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > MAX_STATE_LENGTH) throw new Error("awareness state too large");
    const state: unknown = JSON.parse(json);
    if (state !== null && (typeof state !== "object" || Array.isArray(state))) throw new Error("bad awareness state");
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes after awareness update");
  return entries;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

export function sanitizeAwarenessState(state: Record<string, unknown> | null, user: Writer) {
  if (state === null) return null;
  const reading = typeof state.reading === "string" && state.reading.length <= 64 ? state.reading : null;
  // Only an instructor puts a passage in front of the class.
  const spotlight = user.role === "instructor" ? (SpotlightSchema.safeParse(state.spotlight).data ?? null) : null;
  return { user: { id: user.id, name: user.name, color: colorFor(user.id) }, reading, spotlight };
}

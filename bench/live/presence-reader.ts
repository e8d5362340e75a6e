/**
 * A reader's presence as the reading page keeps it: its state is `{ user, reading }` (lib/client/connect-room.ts
 * sets the user, use-reading-tracker.ts the paragraph; Gloss's server rewrites both, server/awareness.ts), sent
 * as a y-protocols awareness update under the reader's own client id with a clock that goes up by one per change.
 * Like the page's y-websocket provider, it sends back every entry it applies (newer clock than it knew), so a
 * server hears what a real room's readers echo; `echo: false` leaves that out.
 *
 * A change is known everywhere as "clientId:clock": every server relays an entry's clock as it got it, so a
 * reader can tell which change a frame carries without reading the state (which Gloss rewrites).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { RoomClient } from "./room-socket";
import type { Person } from "./servers/bench-server";

export class PresenceReader {
  /** As y-protocols picks one: a random 32-bit id, unlikely to be another reader's. */
  readonly clientId = (Math.random() * 2 ** 32) >>> 0;
  /** The page's first message already has clock 1 (Awareness starts at 0 with an empty state); y-protocols ignores a new client's clock 0. */
  private clock = 0;
  /** The newest clock seen for each other reader, as the provider's Awareness keeps it. */
  private readonly known = new Map<number, number>();

  constructor(
    private readonly client: Pick<RoomClient, "sendAwareness">,
    private readonly person: Person,
    private readonly echo: boolean,
  ) {}

  /** Says this reader is on `paragraphId` now; returns the change's key. */
  move(paragraphId: string): string {
    this.clock++;
    const state = JSON.stringify({ user: { id: this.person.id, name: this.person.name }, reading: paragraphId });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, this.clientId);
    encoding.writeVarUint(encoder, this.clock);
    encoding.writeVarString(encoder, state);
    this.client.sendAwareness(encoding.toUint8Array(encoder));
    return `${this.clientId}:${this.clock}`;
  }

  /** Takes an awareness update from the server; returns the keys of other readers' changes it brought. */
  receive(update: Uint8Array): string[] {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const changes: string[] = [];
    const applied: Array<{ clientId: number; clock: number; state: Uint8Array }> = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      // The state's UTF-8 bytes, unread: writing them back with writeVarUint8Array is the same as writeVarString.
      const state = decoding.readVarUint8Array(decoder);
      if (clientId === this.clientId || clock <= (this.known.get(clientId) ?? 0)) continue;
      this.known.set(clientId, clock);
      changes.push(`${clientId}:${clock}`);
      applied.push({ clientId, clock, state });
    }
    if (this.echo && applied.length > 0) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, applied.length);
      for (const { clientId, clock, state } of applied) {
        encoding.writeVarUint(encoder, clientId);
        encoding.writeVarUint(encoder, clock);
        encoding.writeVarUint8Array(encoder, state);
      }
      this.client.sendAwareness(encoding.toUint8Array(encoder));
    }
    return changes;
  }
}

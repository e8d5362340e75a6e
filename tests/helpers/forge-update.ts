/**
 * Writes Yjs updates (format V1) struct by struct, including shapes no honest client produces: a client
 * listed twice, a GC after a gap, an origin pointing forward. What a hostile client can send, so the server's
 * checks can be tested against exactly those bytes.
 */
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

type Id = { client: number; clock: number };

export type ForgedStruct =
  | { kind: "gc"; length: number }
  | { kind: "skip"; length: number }
  | {
      kind: "item";
      /** Set both for a map entry (a root map and key); leave out when an origin places the item. */
      parent?: string;
      key?: string;
      origin?: Id;
      rightOrigin?: Id;
      /** A JSON value (ContentAny), or `{ deleted: n }` for n deleted units (ContentDeleted). */
      content: { value: unknown } | { deleted: number };
    };

export type ForgedClient = { client: number; clock: number; structs: ForgedStruct[] };
export type ForgedDeletes = Array<{ client: number; ranges: Array<{ clock: number; len: number }> }>;

const BIT8 = 0x80; // has origin
const BIT7 = 0x40; // has right origin
const BIT6 = 0x20; // has parentSub
const CONTENT_DELETED = 1;
const CONTENT_ANY = 8;
const SKIP = 10;

/** Encodes the clients' structs in the order given (a client may appear twice) and the delete set. */
export function forgeUpdate(clients: ForgedClient[], deletes: ForgedDeletes = []): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clients.length);
  for (const { client, clock, structs } of clients) {
    encoding.writeVarUint(e, structs.length);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    for (const struct of structs) {
      if (struct.kind === "gc") {
        encoding.writeUint8(e, 0);
        encoding.writeVarUint(e, struct.length);
        continue;
      }
      if (struct.kind === "skip") {
        encoding.writeUint8(e, SKIP);
        encoding.writeVarUint(e, struct.length);
        continue;
      }
      const ref = "deleted" in struct.content ? CONTENT_DELETED : CONTENT_ANY;
      const placedByOrigin = struct.origin !== undefined || struct.rightOrigin !== undefined;
      let info = ref;
      if (struct.origin) info |= BIT8;
      if (struct.rightOrigin) info |= BIT7;
      if (!placedByOrigin && struct.key !== undefined) info |= BIT6;
      encoding.writeUint8(e, info);
      if (struct.origin) writeId(e, struct.origin);
      if (struct.rightOrigin) writeId(e, struct.rightOrigin);
      if (!placedByOrigin) {
        encoding.writeVarUint(e, 1); // the parent is a root type, named by a string
        encoding.writeVarString(e, struct.parent ?? "");
        if (struct.key !== undefined) encoding.writeVarString(e, struct.key);
      }
      if ("deleted" in struct.content) encoding.writeVarUint(e, struct.content.deleted);
      else {
        encoding.writeVarUint(e, 1);
        encoding.writeAny(e, struct.content.value as never);
      }
    }
  }
  encoding.writeVarUint(e, deletes.length);
  for (const { client, ranges } of deletes) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const { clock, len } of ranges) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, len);
    }
  }
  return encoding.toUint8Array(e);
}

function writeId(e: encoding.Encoder, id: Id) {
  encoding.writeVarUint(e, id.client);
  encoding.writeVarUint(e, id.clock);
}

/** A fresh client id no test document uses. */
export function freshClient(): number {
  return Math.floor(Math.random() * 2 ** 31) + 1;
}

/** Whether applying the update to a document holding `base` would leave anything pending (what the server must never do). */
export function leavesPending(base: Uint8Array, update: Uint8Array): boolean {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  try {
    Y.applyUpdate(doc, update);
  } catch {
    return true;
  }
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** The update a page holding `doc` would send for `change`, made on a copy (same client id) so `doc` is untouched. */
export function updateFor(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  copy.clientID = doc.clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const vector = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, vector);
}

/**
 * Reads a client's Yjs update the way Y.applyUpdate will integrate it, and refuses every shape Yjs would not
 * apply whole. Such an update would otherwise be parked in the document's pending structs (to be handed to
 * every later joiner, stored by compaction, and grown without bound) or make applyUpdate throw halfway
 * through. The conditions follow Yjs 13's readClientsStructRefs and integrateStructs:
 * - a client listed twice: Yjs keeps only the last listing, so the first one's structs would be lost and the
 *   rest pended;
 * - a Skip, or a client's first struct after the document's clock for it: a gap, pended;
 * - structs of one client that do not follow each other: a gap;
 * - an item whose origin or right origin is a later (or the same) clock of its own client: applyUpdate throws;
 * - an item that refers to another client's content neither in the document nor in the update: pended;
 * - references that form a cycle across clients: pended;
 * - a deletion of content neither in the document nor in the update: pended;
 * - an item under a nested type: Gloss's document has none (lib/doc/layout.ts);
 * - garbage-collected structs (Gloss's pages never hold any), and structs of absurd length.
 */
import * as decoding from "lib0/decoding";
import * as Y from "yjs";

export type Struct = Y.Item | Y.GC | Y.Skip;

/** Longer than any struct a reader's page makes (a run of its own deleted entries), far shorter than 2^53. */
const MAX_STRUCT_LENGTH = 1_000_000;
type DeleteSet = Map<number, Array<{ clock: number; len: number }>>;

export type ReadUpdate = {
  structs: Struct[];
  ds: DeleteSet;
  /** The struct of the update that holds `id`. */
  inUpdate: (id: Y.ID) => Struct | undefined;
  /** Whether the document already holds `id`. */
  known: (id: Y.ID) => boolean;
};

/** `missing`: the update depends on content this document lacks; the same client may still send it. */
export type StructureResult = { ok: true; update: ReadUpdate } | { ok: false; reason: string; missing?: true };

const refuse = (reason: string): StructureResult => ({ ok: false, reason });
const missing = (reason: string): StructureResult => ({ ok: false, reason, missing: true });

export function readUpdateStructure(bytes: Uint8Array, store: Y.Doc["store"]): StructureResult {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(bytes);
  } catch {
    return refuse("not a Yjs update");
  }
  const structs = decoded.structs as Struct[];
  const ds = (decoded.ds as unknown as { clients: DeleteSet }).clients;
  const state = (client: number) => Y.getState(store, client);
  // decodeUpdate joins a client's listings; the update's first number says how many there were.
  const listings = decoding.readVarUint(decoding.createDecoder(bytes));

  // Each client's structs, in order; an update lists a client once, its structs one after another.
  const byClient = new Map<number, Struct[]>();
  const before = new Map<Struct, Struct>();
  let previous: Struct | null = null;
  for (const struct of structs) {
    const { client, clock } = struct.id;
    if (struct instanceof Y.Skip) return missing("update has gaps");
    if (struct.length > MAX_STRUCT_LENGTH) return refuse("a struct longer than any client writes");
    // Gloss's entries live in root maps, whose deleted items keep their place: no honest client holds
    // garbage-collected structs, and a forged one is a cheap way to bloat the log.
    if (struct instanceof Y.GC && clock + struct.length > state(client)) return refuse("garbage-collected content is not accepted from clients");
    if (previous === null || previous.id.client !== client) {
      if (byClient.has(client)) return refuse("update lists a client twice");
      if (clock > state(client)) return missing("update depends on content the server does not have");
      byClient.set(client, [struct]);
    } else {
      if (clock !== previous.id.clock + previous.length) return refuse("update has gaps");
      byClient.get(client)!.push(struct);
      before.set(struct, previous);
    }
    previous = struct;
  }
  // Fewer runs than listings: a client listed twice, or an empty listing (Yjs lets either replace an earlier one).
  if (byClient.size !== listings) return refuse("update lists a client twice");

  const inUpdate = (id: Y.ID): Struct | undefined => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return undefined;
  };
  const known = (id: Y.ID) => id.clock < state(id.client);

  // Yjs resolves every item's references, even of items it already has and will skip.
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    if (clock < state(client) && clock + struct.length > state(client) && Y.getItem(store, Y.createID(client, state(client) - 1)) instanceof Y.GC) {
      // Integrating the new part would continue a garbage-collected struct, on which Yjs throws.
      return refuse("an item continues garbage-collected content");
    }
    if (struct.parent instanceof Y.ID) return refuse("items may only be values of the document's root maps");
    for (const ref of [struct.origin, struct.rightOrigin]) {
      if (!ref) continue;
      if (ref.client === struct.id.client) {
        if (ref.clock >= struct.id.clock) return refuse("an item refers to a later part of its own client");
      } else if (!known(ref) && !inUpdate(ref)) {
        return missing("update refers to content the server does not have");
      }
    }
  }
  // Deletions are applied after the structs; a range past what the document will then hold is pended.
  for (const [client, ranges] of ds) {
    const list = byClient.get(client);
    const last = list?.[list.length - 1];
    const end = Math.max(state(client), last ? last.id.clock + last.length : 0);
    if (ranges.some(({ clock, len }) => clock + len > end)) return missing("update deletes content the server does not have");
  }
  // With one client, every reference inside the update points back along its own clocks: no cycle is possible.
  if (byClient.size > 1 && hasCycle(structs, before, inUpdate)) return refuse("update's references form a cycle");
  return { ok: true, update: { structs, ds, inUpdate, known } };
}

/**
 * Yjs integrates a client's structs in clock order and follows references to other clients' structs in the
 * same update; a cycle through both kinds of edge can never be integrated. Iterative depth-first search,
 * so a forged update of any length cannot overflow the stack.
 */
function hasCycle(structs: Struct[], before: Map<Struct, Struct>, inUpdate: (id: Y.ID) => Struct | undefined): boolean {
  const state = new Map<Struct, 1 | 2>(); // 1: on the current path, 2: done
  const edges = (struct: Struct): Struct[] => {
    const next: Struct[] = [];
    const predecessor = before.get(struct);
    if (predecessor) next.push(predecessor);
    if (struct instanceof Y.Item) {
      for (const ref of [struct.origin, struct.rightOrigin]) {
        if (!ref || ref.client === struct.id.client) continue;
        const target = inUpdate(ref);
        if (target) next.push(target);
      }
    }
    return next;
  };
  for (const start of structs) {
    if (state.has(start)) continue;
    const stack: Array<{ struct: Struct; next: Struct[]; i: number }> = [{ struct: start, next: edges(start), i: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i === top.next.length) {
        state.set(top.struct, 2);
        stack.pop();
        continue;
      }
      const target = top.next[top.i++]!;
      const seen = state.get(target);
      if (seen === 1) return true;
      if (seen === 2) continue;
      state.set(target, 1);
      stack.push({ struct: target, next: edges(target), i: 0 });
    }
  }
  return false;
}

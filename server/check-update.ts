/**
 * Decides whether a Yjs update from a client may be applied, before it touches the room's document.
 *
 * We decode the update (Y.decodeUpdate) rather than apply-and-undo: a refused update then never enters the
 * document, its pending queues or the persistence path, and the check costs one decode plus a store lookup per
 * item. Every new item must be an immutable JSON value under an owned key of a root map (lib/doc/layout.ts);
 * every deletion must hit an item under a key the writer owns. An item that continues a key (a map overwrite)
 * carries no parent in the update, so its key is found through its origin, in the update or the document.
 */
import * as Y from "yjs";
import { checkDelete, checkSet, type RoomFacts, type Writer } from "../lib/doc/permissions";

export type UpdateContext = {
  doc: Y.Doc;
  writer: Writer;
  /** Yjs client id -> user id, for every client id seen in this room. */
  clientOwners: Map<number, string>;
  /** What the rules need to know about the room (its essay's paragraphs, comments, tags, members). */
  facts?: RoomFacts;
};

export type CheckResult = { ok: true; clients: number[] } | { ok: false; reason: string };

type Struct = Y.Item | Y.GC | Y.Skip;
type Placement = { map: string; key: string };

export function checkUpdate(update: Uint8Array, ctx: UpdateContext): CheckResult {
  const { doc, writer, clientOwners } = ctx;
  const store = doc.store;
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { ok: false, reason: "not a Yjs update" };
  }
  const structs = decoded.structs as Struct[];
  const ds = decoded.ds as unknown as { clients: Map<number, Array<{ clock: number; len: number }>> };

  // An update lists each client's structs in clock order; index them for binary search.
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  const known = (id: Y.ID) => id.clock < Y.getState(store, id.client);
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

  const placementOfStoreItem = (id: Y.ID): Placement | null => {
    const struct = Y.getItem(store, id) as Struct;
    if (!(struct instanceof Y.Item) || struct.parentSub === null) return null;
    const parent = struct.parent as Y.AbstractType<unknown>;
    if (parent._item !== null) return null;
    return { map: Y.findRootTypeKey(parent), key: struct.parentSub };
  };
  const memo = new Map<Struct, Placement | null>();
  const placementOfUpdateItem = (item: Y.Item): Placement | null => {
    if (memo.has(item)) return memo.get(item)!;
    memo.set(item, null); // guards against origin cycles in a forged update
    let placement: Placement | null = null;
    if (typeof item.parent === "string") {
      placement = item.parentSub === null ? null : { map: item.parent, key: item.parentSub };
    } else if (item.parent === null) {
      placement = placementOf(item.origin ?? item.rightOrigin);
    }
    memo.set(item, placement);
    return placement;
  };
  const placementOf = (id: Y.ID | null): Placement | null => {
    if (id === null) return null;
    if (known(id)) return placementOfStoreItem(id);
    const struct = inUpdate(id);
    return struct instanceof Y.Item ? placementOfUpdateItem(struct) : null;
  };

  const clients = new Set<number>();
  for (const struct of structs) {
    const client = struct.id.client;
    const owner = clientOwners.get(client);
    if (owner !== undefined && owner !== writer.id) return { ok: false, reason: "client id belongs to another user" };
    if (struct.id.clock + struct.length <= Y.getState(store, client)) continue; // already in the document
    clients.add(client);
    if (struct instanceof Y.Skip) return { ok: false, reason: "update has gaps" };
    if (struct instanceof Y.GC) continue; // garbage-collected content carries nothing
    if (struct.id.clock > Y.getState(store, client) && !inUpdate(Y.createID(client, struct.id.clock - 1))) {
      return { ok: false, reason: "update depends on content the server does not have" };
    }
    for (const ref of [struct.origin, struct.rightOrigin]) {
      if (ref && !known(ref) && !inUpdate(ref)) return { ok: false, reason: "update refers to unknown content" };
    }
    const placement = placementOfUpdateItem(struct);
    if (!placement) return { ok: false, reason: "items may only be values of the document's root maps" };
    const content = struct.content;
    if (content instanceof Y.ContentDeleted) {
      const refusal = checkDelete(placement.map, placement.key, writer, ctx.facts);
      if (refusal) return { ok: false, reason: refusal.reason };
      continue;
    }
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
      return { ok: false, reason: "entries must be single JSON values" };
    }
    const value = content.arr[0];
    const refusal = checkSet(placement.map, placement.key, value, writer, ctx.facts);
    if (refusal) return { ok: false, reason: refusal.reason };
  }

  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len; ) {
        const id = Y.createID(client, at);
        let placement: Placement | null;
        let length: number;
        if (known(id)) {
          const struct = Y.getItem(store, id) as Struct;
          length = struct.id.clock + struct.length - at;
          if (struct instanceof Y.GC || struct.deleted) {
            at += length;
            continue; // deleting what is already gone changes nothing
          }
          placement = placementOfStoreItem(id);
        } else {
          const struct = inUpdate(id);
          if (!struct) return { ok: false, reason: "update deletes unknown content" };
          length = struct.id.clock + struct.length - at;
          placement = struct instanceof Y.Item ? placementOfUpdateItem(struct) : null;
        }
        if (!placement) return { ok: false, reason: "update deletes content outside the root maps" };
        const refusal = checkDelete(placement.map, placement.key, writer, ctx.facts);
        if (refusal) return { ok: false, reason: refusal.reason };
        at += length;
      }
    }
  }
  return { ok: true, clients: [...clients] };
}

/**
 * Rebuilds the client id -> user map from a loaded document: an owned entry's key names its author, a
 * moderation entry's value names its moderator.
 */
export function clientOwnersOf(doc: Y.Doc): Map<number, string> {
  const owners = new Map<number, string>();
  for (const [client, structs] of doc.store.clients) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || !struct.parentSub) continue;
      const at = struct.parentSub.indexOf(":");
      if (at > 0) owners.set(client, struct.parentSub.slice(0, at));
      else if (struct.content instanceof Y.ContentAny) owners.set(client, (struct.content.arr[0] as { byId: string }).byId);
      else continue;
      break;
    }
  }
  return owners;
}

/**
 * Decides whether a Yjs update from a client may be applied, before it touches the room's document.
 *
 * We decode the update rather than apply-and-undo: a refused update then never enters the document, its
 * pending queues or the persistence path. First its shape must be one Yjs integrates whole
 * (update-structure.ts); then every new item must be an immutable JSON value under an owned key of a root map
 * (lib/doc/layout.ts), allowed by the rules (lib/doc/permissions.ts); every deletion must hit an item under a
 * key the writer may delete. An item that continues a key (a map overwrite) carries no parent in the update,
 * so its key is found through its origin, in the update or the document.
 */
import * as Y from "yjs";
import { checkDelete, checkSet, type RoomFacts, type Writer } from "../lib/doc/permissions";
import { readUpdateStructure, type Struct } from "./update-structure";

export type UpdateContext = {
  doc: Y.Doc;
  writer: Writer;
  /** Yjs client id -> user id, for every client id seen in this room (null: the server's own). */
  clientOwners: { get(clientId: number): string | null | undefined };
  /** What the rules need to know about the room (its essay's paragraphs, comments, tags, members). */
  facts?: RoomFacts;
};

/**
 * `clients`: the client ids the update writes new content with (they become the writer's).
 * `missing`: refused only because the document lacks content the update builds on; the client may still
 * send that content (its sync step 2 after a reconnect), so the update can be held and checked again.
 */
export type CheckResult = { ok: true; clients: number[] } | { ok: false; reason: string; missing?: true };

type Placement = { map: string; key: string };

export function checkUpdate(update: Uint8Array, ctx: UpdateContext): CheckResult {
  const { doc, writer, clientOwners } = ctx;
  const store = doc.store;
  const structure = readUpdateStructure(update, store);
  if (!structure.ok) return structure;
  const { structs, ds, inUpdate, known } = structure.update;

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
    if (struct instanceof Y.GC) continue; // garbage-collected content carries nothing
    const placement = placementOfUpdateItem(struct as Y.Item);
    if (!placement) return { ok: false, reason: "items may only be values of the document's root maps" };
    const content = (struct as Y.Item).content;
    if (content instanceof Y.ContentDeleted) {
      const refusal = checkDelete(placement.map, placement.key, writer, ctx.facts);
      if (refusal) return { ok: false, reason: refusal.reason };
      continue;
    }
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
      return { ok: false, reason: "entries must be single JSON values" };
    }
    const refusal = checkSet(placement.map, placement.key, content.arr[0], writer, ctx.facts);
    if (refusal) return { ok: false, reason: refusal.reason };
  }

  for (const [client, ranges] of ds) {
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
          if (!struct) return { ok: false, reason: "update deletes unknown content" }; // update-structure.ts rules this out
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

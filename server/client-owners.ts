/**
 * Which user writes with which Yjs client id in one room. A client id belongs to the first user who used it,
 * in an update or in presence, and that survives restarts (table RoomClient): otherwise, after a reload, the
 * first comer could claim a client id they saw in someone's presence and lock that person out of writing.
 * Claims are made in memory at once and stored with the room's next batch of updates (save-queue.ts).
 */
import * as Y from "yjs";
import type { Db } from "../lib/db/client.server";

/** The owner of the server's own writes (moderation it carries out for instructors). */
export const SERVER = null;
export type Owner = string | typeof SERVER;
export type Claim = { clientId: number; userId: Owner };

export class ClientOwners {
  private readonly owners = new Map<number, Owner>();
  private unsaved: Claim[] = [];

  static async load(db: Db, roomId: string, doc: Y.Doc): Promise<ClientOwners> {
    const owners = new ClientOwners();
    const rows = await db.roomClient.findMany({ where: { roomId }, select: { clientId: true, userId: true } });
    for (const row of rows) owners.owners.set(Number(row.clientId), row.userId);
    // Rooms written before claims were stored: their entries' keys name the writers.
    for (const [clientId, userId] of clientOwnersOf(doc)) {
      if (!owners.owners.has(clientId)) owners.claim(clientId, userId);
    }
    return owners;
  }

  get(clientId: number): Owner | undefined {
    return this.owners.get(clientId);
  }

  has(clientId: number): boolean {
    return this.owners.has(clientId);
  }

  /** Records `userId` as the owner of `clientId` if nobody owns it yet; true when it is theirs now. */
  claim(clientId: number, userId: Owner): boolean {
    const owner = this.owners.get(clientId);
    if (owner !== undefined) return owner === userId;
    this.owners.set(clientId, userId);
    this.unsaved.push({ clientId, userId });
    return true;
  }

  /** A claim another instance made and stored. */
  learn(clientId: number, userId: Owner): void {
    if (!this.owners.has(clientId)) this.owners.set(clientId, userId);
  }

  get hasUnsaved(): boolean {
    return this.unsaved.length > 0;
  }

  /** Claims not stored yet; handed to the next batch, and given back if that batch fails. */
  takeUnsaved(): Claim[] {
    return this.unsaved.splice(0);
  }

  giveBack(claims: Claim[]): void {
    this.unsaved.unshift(...claims);
  }

  /** A client id for the server's own writes that nobody has used in this room. */
  newServerClient(doc: Y.Doc): number {
    let clientId = doc.clientID;
    while (this.owners.has(clientId) || doc.store.clients.has(clientId)) clientId = Math.floor(Math.random() * 2 ** 32);
    this.claim(clientId, SERVER);
    return clientId;
  }
}

/**
 * Rebuilds the client id -> user map from a document: an owned entry's key names its author, a moderation
 * entry's value names its moderator.
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

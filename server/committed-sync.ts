/**
 * What a joiner is sent from the committed document (its sync step 1, and the sync step 2 answering a new page),
 * encoded once per commit instead of once per joiner: encoding a room of 10,000 annotations takes tens of
 * milliseconds, every joiner of a busy room asks for the same bytes, and most joiners are new pages whose state
 * vector is empty. Dropped on every change of the committed document, so a joiner after a commit gets the commit.
 * Holds at most one encoding of the document per loaded room.
 */
import type * as Y from "yjs";
import { encodeSyncStep1, encodeSyncStep2 } from "./protocol";

/** A state vector naming no client: a page that has nothing of the room yet. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

export class CommittedSync {
  private step1: Uint8Array | null = null;
  private wholeStep2: Uint8Array | null = null;

  constructor(private readonly committed: Y.Doc) {
    // Every change to a document, deletions and garbage collection included, happens in a transaction. Not the
    // "update" event: with a listener for it, Yjs encodes every commit's update once more, for nothing here.
    committed.on("afterTransaction", () => {
      this.step1 = null;
      this.wholeStep2 = null;
    });
  }

  syncStep1(): Uint8Array {
    return (this.step1 ??= encodeSyncStep1(this.committed));
  }

  syncStep2(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return encodeSyncStep2(this.committed, stateVector);
    return (this.wholeStep2 ??= encodeSyncStep2(this.committed, stateVector));
  }
}

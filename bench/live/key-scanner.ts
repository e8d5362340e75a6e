/**
 * Finds awaited annotation keys in the raw bytes of a Yjs update, without applying it. A map entry's key is
 * written into the update as a plain UTF-8 string (lib0's varString) wherever the entry is new, whether the
 * update is one transaction, a merge of several (Y.mergeUpdates, as Gloss sends a stored batch) or a server's
 * sync step 2; and the wire's framing (wire.ts) only adds bytes in front. So a frame carries a note exactly when
 * its key's bytes are in it. Keys are `authorId:id` (lib/doc/layout.ts's entryKey): the scanner looks for each
 * author's prefix and reads the key at each hit, so a frame costs one pass per author, not one per key.
 */
export class KeyScanner {
  /** For each author's `authorId:` prefix (as bytes), the lengths of the keys awaited under it. */
  private readonly prefixes = new Map<string, { bytes: Buffer; lengths: Set<number> }>();
  private readonly awaited: Set<string>;

  constructor(keys: Iterable<string>) {
    this.awaited = new Set(keys);
    for (const key of this.awaited) {
      const prefix = key.slice(0, key.indexOf(":") + 1);
      const entry = this.prefixes.get(prefix) ?? { bytes: Buffer.from(prefix, "utf8"), lengths: new Set<number>() };
      entry.lengths.add(Buffer.byteLength(key, "utf8"));
      this.prefixes.set(prefix, entry);
    }
  }

  /** The awaited keys found in `frame` for the first time; each key is found once. */
  scan(frame: Uint8Array): string[] {
    if (this.awaited.size === 0) return [];
    const bytes = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
    const found: string[] = [];
    for (const { bytes: prefix, lengths } of this.prefixes.values()) {
      for (let at = bytes.indexOf(prefix); at >= 0; at = bytes.indexOf(prefix, at + prefix.length)) {
        for (const length of lengths) {
          const key = bytes.toString("utf8", at, at + length);
          if (this.awaited.delete(key)) found.push(key);
        }
      }
    }
    return found;
  }

  /** Keys still awaited. */
  get missing(): number {
    return this.awaited.size;
  }
}

import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CommittedSync } from "./committed-sync";

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

/** The document a new page holds after applying a sync step 2 message. */
function pageAfter(step2: Uint8Array): Y.Doc {
  const decoder = decoding.createDecoder(step2);
  decoding.readVarUint(decoder); // message type
  decoding.readVarUint(decoder); // sync step
  const page = new Y.Doc();
  Y.applyUpdate(page, decoding.readVarUint8Array(decoder));
  return page;
}

describe("CommittedSync", () => {
  it("answers new pages with the same bytes until the committed document changes", () => {
    const committed = new Y.Doc();
    committed.getMap("notes").set("a", 1);
    const sync = new CommittedSync(committed);
    const first = sync.syncStep2(EMPTY_STATE_VECTOR);
    expect(sync.syncStep2(EMPTY_STATE_VECTOR)).toBe(first);
    expect(sync.syncStep1()).toBe(sync.syncStep1());
  });

  it("gives a joiner after a commit what the commit added, and no longer what it deleted", () => {
    const committed = new Y.Doc();
    const notes = committed.getMap("notes");
    notes.set("a", 1);
    const sync = new CommittedSync(committed);
    const before = sync.syncStep2(EMPTY_STATE_VECTOR);
    const step1Before = sync.syncStep1();

    notes.set("b", 2);
    expect(pageAfter(sync.syncStep2(EMPTY_STATE_VECTOR)).getMap("notes").toJSON()).toEqual({ a: 1, b: 2 });
    expect(sync.syncStep1()).not.toEqual(step1Before);
    expect(pageAfter(before).getMap("notes").toJSON()).toEqual({ a: 1 });

    notes.delete("a");
    expect(pageAfter(sync.syncStep2(EMPTY_STATE_VECTOR)).getMap("notes").toJSON()).toEqual({ b: 2 });
  });

  it("answers a page that already holds part of the room with only the rest", () => {
    const committed = new Y.Doc();
    committed.getMap("notes").set("a", 1);
    const page = new Y.Doc();
    Y.applyUpdate(page, Y.encodeStateAsUpdate(committed));
    committed.getMap("notes").set("b", 2);
    const sync = new CommittedSync(committed);
    const decoder = decoding.createDecoder(sync.syncStep2(Y.encodeStateVector(page)));
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const rest = decoding.readVarUint8Array(decoder);
    expect(rest).toEqual(Y.encodeStateAsUpdate(committed, Y.encodeStateVector(page)));
  });
});

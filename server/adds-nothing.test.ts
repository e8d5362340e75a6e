/** Which updates a read-only connection may send: those that change nothing, however they are encoded. */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addsNothing } from "./adds-nothing";

/** A document with one live entry and one deleted one, as a room is after some discussion. */
function room() {
  const doc = new Y.Doc();
  doc.getMap("annotations").set("a:1", { id: "1" });
  doc.getMap("annotations").set("a:2", { id: "2" });
  doc.getMap("annotations").delete("a:2");
  return doc;
}

/** A page that has caught up with `doc`. */
function pageOf(doc: Y.Doc) {
  const page = new Y.Doc();
  Y.applyUpdate(page, Y.encodeStateAsUpdate(doc));
  return page;
}

describe("addsNothing", () => {
  it("accepts an empty update, content the document has, and deletions already made", () => {
    const doc = room();
    expect(addsNothing(Y.encodeStateAsUpdate(new Y.Doc()), doc)).toBe(true);
    expect(addsNothing(Y.encodeStateAsUpdate(doc), doc)).toBe(true);
    // A caught-up page's sync step 2: no structs past the room's state, and the page's whole delete set.
    const page = pageOf(doc);
    expect(addsNothing(Y.encodeStateAsUpdate(page, Y.encodeStateVector(doc)), doc)).toBe(true);
  });

  it("refuses new content, a new deletion, and what is not an update", () => {
    const doc = room();
    const writer = pageOf(doc);
    writer.getMap("annotations").set("b:3", { id: "3" });
    expect(addsNothing(Y.encodeStateAsUpdate(writer, Y.encodeStateVector(doc)), doc)).toBe(false);

    const deleter = pageOf(doc);
    const before = Y.encodeStateVector(deleter);
    let deletion: Uint8Array | null = null;
    deleter.on("update", (update: Uint8Array) => (deletion = update));
    deleter.getMap("annotations").delete("a:1");
    expect(deletion).not.toBeNull();
    expect(Y.encodeStateVector(deleter)).toEqual(before); // nothing new but the deletion itself
    expect(addsNothing(deletion!, doc)).toBe(false);

    expect(addsNothing(new Uint8Array([1, 2, 3]), doc)).toBe(false);
  });
});

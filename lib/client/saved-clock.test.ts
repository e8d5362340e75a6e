import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { pendingChanges, savedClockIn } from "./saved-clock";

function message(write: (encoder: encoding.Encoder) => void): decoding.Decoder {
  const encoder = encoding.createEncoder();
  write(encoder);
  return decoding.createDecoder(encoding.toUint8Array(encoder));
}

describe("savedClockIn", () => {
  const mine = new Y.Doc();
  mine.getMap("comments").set("a:1", { body: "first" });
  mine.getMap("comments").set("a:2", { body: "second" });
  const clock = Y.getState(mine.store, mine.clientID);

  it("reads the end of this client's content in an update the server sends back", () => {
    const update = Y.encodeStateAsUpdate(mine);
    expect(savedClockIn(message((e) => syncProtocol.writeUpdate(e, update)), mine.clientID)).toBe(clock);
  });

  it("reads this client's clock in the server's state vector", () => {
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(mine));
    expect(savedClockIn(message((e) => syncProtocol.writeSyncStep1(e, server)), mine.clientID)).toBe(clock);
  });

  it("says nothing about other clients' updates, and leaves the decoder where it was", () => {
    const other = new Y.Doc();
    other.getMap("comments").set("b:1", { body: "theirs" });
    const decoder = message((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(other)));
    expect(savedClockIn(decoder, mine.clientID)).toBeNull();
    expect(decoder.pos).toBe(0);
  });
});

describe("pendingChanges", () => {
  it("counts what the server lacks across every client of the document, and nothing it holds", () => {
    const earlier = new Y.Doc();
    earlier.getMap("comments").set("a:1", { body: "written offline last visit" });
    const now = new Y.Doc();
    Y.applyUpdate(now, Y.encodeStateAsUpdate(earlier));
    now.getMap("comments").set("a:2", { body: "written offline now" });
    now.getMap("comments").set("a:3", { body: "and again" });
    const local = Y.decodeStateVector(Y.encodeStateVector(now));
    expect(pendingChanges(local, new Map())).toBe(3);
    expect(pendingChanges(local, new Map([[earlier.clientID, 1]]))).toBe(2);
    expect(pendingChanges(local, local)).toBe(0);
    // A server ahead of this page (others wrote) is not negative pending.
    expect(pendingChanges(new Map([[7, 1]]), new Map([[7, 5]]))).toBe(0);
  });
});

/** The registry's decisions on their own: which connections an access event closes, and checks racing events. */
import { describe, expect, it } from "vitest";
import { roomIdFor } from "../lib/doc/layout";
import { CloseCode } from "../lib/live/wire";
import { OpenConnections, type OpenConnection } from "./open-connections";

/** A connection to the seminar's room on essay `e1` (or the open room, without a seminar). */
function connection(userId: string, seminarId: string | null, sessionVersion = 0, essayId = "e1") {
  const closes: number[] = [];
  const roomId = roomIdFor(essayId, seminarId);
  const entry: OpenConnection = { userId, roomId, seminarId, sessionVersion, close: (code) => void closes.push(code), recheck: async () => {} };
  return { entry, closes };
}

describe("OpenConnections", () => {
  it("closes a removed member's connections to that seminar only", () => {
    const registry = new OpenConnections();
    const [here, elsewhere, open, other] = [connection("ada", "s1"), connection("ada", "s2"), connection("ada", null), connection("ben", "s1")];
    for (const { entry } of [here, elsewhere, open, other]) registry.add(entry);
    expect(registry.apply({ type: "member-removed", seminarId: "s1", userId: "ada" })).toBe(1);
    expect(here.closes).toEqual([CloseCode.Forbidden]);
    expect([elsewhere.closes, open.closes, other.closes]).toEqual([[], [], []]);
  });

  it("closes the connections of sessions older than a sign-out, not those of a sign-in after it", () => {
    const registry = new OpenConnections();
    const [old, renewed] = [connection("ada", "s1", 2), connection("ada", null, 3)];
    registry.add(old.entry);
    registry.add(renewed.entry);
    registry.apply({ type: "signed-out", userId: "ada", sessionVersion: 3 });
    expect(old.closes).toEqual([CloseCode.Unauthenticated]);
    expect(renewed.closes).toEqual([]);
  });

  it("closes everyone's connections to the room of an essay taken off the list, and no other room", () => {
    const registry = new OpenConnections();
    const [ada, ben, otherEssay, otherSeminar, open] = [
      connection("ada", "s1"),
      connection("ben", "s1"),
      connection("ada", "s1", 0, "e2"),
      connection("ben", "s2"),
      connection("ben", null),
    ];
    for (const { entry } of [ada, ben, otherEssay, otherSeminar, open]) registry.add(entry);
    expect(registry.apply({ type: "essay-removed", seminarId: "s1", essayId: "e1" })).toBe(2);
    expect([ada.closes, ben.closes]).toEqual([[CloseCode.RoomNotFound], [CloseCode.RoomNotFound]]);
    expect([otherEssay.closes, otherSeminar.closes, open.closes]).toEqual([[], [], []]);
  });

  it("closes everyone's connections to an archived seminar's rooms with 4423, and nobody else's", () => {
    const registry = new OpenConnections();
    const [ada, ben, otherEssay, otherSeminar, open] = [
      connection("ada", "s1"),
      connection("ben", "s1"),
      connection("ada", "s1", 0, "e2"),
      connection("ben", "s2"),
      connection("ben", null),
    ];
    for (const { entry } of [ada, ben, otherEssay, otherSeminar, open]) registry.add(entry);
    expect(registry.apply({ type: "seminar-archived", seminarId: "s1" })).toBe(3);
    expect([ada.closes, ben.closes, otherEssay.closes]).toEqual([[CloseCode.Archived], [CloseCode.Archived], [CloseCode.Archived]]);
    expect([otherSeminar.closes, open.closes]).toEqual([[], []]);
  });

  it("forgets a connection once it has closed", () => {
    const registry = new OpenConnections();
    const { entry, closes } = connection("ada", "s1");
    const forget = registry.add(entry);
    forget();
    expect(registry.size()).toBe(0);
    registry.apply({ type: "member-removed", seminarId: "s1", userId: "ada" });
    expect(closes).toEqual([]);
  });

  it("runs a connection's checks again when an access event arrives while they run", async () => {
    const registry = new OpenConnections();
    let runs = 0;
    const result = await registry.checkUntilSettled(async () => {
      runs++;
      // The first run is overtaken by an event: it may have read the database before that change committed.
      if (runs === 1) registry.apply({ type: "member-removed", seminarId: "s1", userId: "someone" });
      return runs;
    });
    expect(result).toBe(2);
  });

  it("rechecks every open connection on request", async () => {
    const registry = new OpenConnections();
    const checked: string[] = [];
    for (const userId of ["ada", "ben"]) registry.add({ ...connection(userId, null).entry, recheck: async () => void checked.push(userId) });
    await registry.recheckAll();
    expect(checked.sort()).toEqual(["ada", "ben"]);
  });
});

describe("rechecking after missed events", () => {
  it("keeps a connection whose check failed for want of a database, and asks again", async () => {
    const registry = new OpenConnections();
    let calls = 0;
    let again!: () => void;
    const askedAgain = new Promise<void>((resolve) => (again = resolve));
    const { entry, closes } = connection("ada", "s1");
    registry.add({
      ...entry,
      recheck: async () => {
        calls++;
        if (calls === 1) throw new Error("connection refused");
        again();
      },
    });
    await registry.recheckAll(10);
    await askedAgain;
    expect(calls).toBe(2);
    expect(closes).toEqual([]);
  });
});

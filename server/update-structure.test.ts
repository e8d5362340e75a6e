import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ANNOTATIONS } from "../lib/doc/layout";
import { forgeUpdate, leavesPending, type ForgedClient, type ForgedDeletes, type ForgedStruct } from "../tests/helpers/forge-update";
import { readUpdateStructure } from "./update-structure";

/** A document with two entries from client 1 (clocks 0 and 1). */
function base() {
  const doc = new Y.Doc();
  doc.clientID = 1;
  doc.getMap(ANNOTATIONS).set("u:a", { n: 1 });
  doc.getMap(ANNOTATIONS).set("u:b", { n: 2 });
  return { doc, state: Y.encodeStateAsUpdate(doc) };
}

const entry = (key: string, value: unknown = { n: key }): ForgedStruct => ({ kind: "item", parent: ANNOTATIONS, key, content: { value } });

/** What the server's check says, and what Yjs itself does with the same bytes. */
function verdict(update: Uint8Array) {
  const { doc, state } = base();
  return { check: readUpdateStructure(update, doc.store), yjsLeavesPending: leavesPending(state, update) };
}

describe("the check agrees with what Yjs would do", () => {
  it("accepts an honest update and Yjs applies it whole", () => {
    const { doc } = base();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(client);
    client.getMap(ANNOTATIONS).set("v:c", { n: 3 });
    client.getMap(ANNOTATIONS).set("u:a", { n: 4 }); // an overwrite: placed by its origin
    const { check, yjsLeavesPending } = verdict(Y.encodeStateAsUpdate(client, before));
    expect(check.ok).toBe(true);
    expect(yjsLeavesPending).toBe(false);
  });

  it("refuses a GC struct placed after a gap, which Yjs would park as pending", () => {
    const update = forgeUpdate([{ client: 7, clock: 5, structs: [{ kind: "gc", length: 2 }] }]);
    const { check, yjsLeavesPending } = verdict(update);
    expect(check.ok).toBe(false);
    expect(yjsLeavesPending).toBe(true);
  });

  it("refuses garbage-collected structs even where Yjs would take them: no page holds any, and they bloat the log", () => {
    const update = forgeUpdate([{ client: 7, clock: 0, structs: Array.from({ length: 1000 }, () => ({ kind: "gc" as const, length: 1 })) }]);
    expect(verdict(update).check).toMatchObject({ ok: false, reason: "garbage-collected content is not accepted from clients" });
  });

  it("refuses a struct of absurd length", () => {
    const update = forgeUpdate([{ client: 7, clock: 0, structs: [{ kind: "item", parent: ANNOTATIONS, key: "u7:x", content: { deleted: 2 ** 53 - 1 } }] }]);
    expect(verdict(update).check).toMatchObject({ ok: false, reason: "a struct longer than any client writes" });
  });

  it("refuses a client listed twice in one update, whose first listing Yjs would drop", () => {
    const update = forgeUpdate([
      { client: 7, clock: 0, structs: [entry("u7:x")] },
      { client: 7, clock: 1, structs: [entry("u7:y")] },
    ]);
    const { check, yjsLeavesPending } = verdict(update);
    expect(check).toMatchObject({ ok: false, reason: "update lists a client twice" });
    expect(yjsLeavesPending).toBe(true);
  });

  it("refuses an item whose origin is a later clock of its own client, on which applyUpdate throws", () => {
    const update = forgeUpdate([
      { client: 7, clock: 0, structs: [{ kind: "item", origin: { client: 7, clock: 1 }, content: { value: 1 } }, entry("u7:x")] },
    ]);
    const { check } = verdict(update);
    expect(check).toMatchObject({ ok: false, reason: "an item refers to a later part of its own client" });
    const { state } = base();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    expect(() => Y.applyUpdate(doc, update)).toThrow();
  });

  it("refuses references that form a cycle across clients", () => {
    const update = forgeUpdate([
      { client: 7, clock: 0, structs: [{ kind: "item", origin: { client: 8, clock: 0 }, content: { value: 1 } }] },
      { client: 8, clock: 0, structs: [{ kind: "item", origin: { client: 7, clock: 0 }, content: { value: 2 } }] },
    ]);
    const { check, yjsLeavesPending } = verdict(update);
    expect(check).toMatchObject({ ok: false, reason: "update's references form a cycle" });
    expect(yjsLeavesPending).toBe(true);
  });

  it("refuses a Skip, the gap a merged update leaves between a client's structs", () => {
    const update = forgeUpdate([{ client: 7, clock: 0, structs: [entry("u7:x"), { kind: "skip", length: 1 }, entry("u7:y")] }]);
    expect(verdict(update)).toMatchObject({ check: { ok: false }, yjsLeavesPending: true });
  });

  it("says `missing` when the update builds on content that its client may still send", () => {
    const update = forgeUpdate([{ client: 1, clock: 3, structs: [entry("u:z")] }]);
    expect(verdict(update).check).toMatchObject({ ok: false, missing: true });
  });
});

/** Random updates of every shape: clients listed in any order and more than once, gaps, origins anywhere. */
const forgedUpdates = fc
  .array(
    fc.record({
      client: fc.constantFrom(1, 7, 8),
      clock: fc.nat(4),
      structs: fc.array(
        fc.oneof(
          { weight: 1, arbitrary: fc.record({ kind: fc.constant("gc" as const), length: fc.integer({ min: 1, max: 3 }) }) },
          { weight: 1, arbitrary: fc.record({ kind: fc.constant("skip" as const), length: fc.integer({ min: 1, max: 2 }) }) },
          { weight: 4, arbitrary: fc.record({
            kind: fc.constant("item" as const),
            parent: fc.constant(ANNOTATIONS),
            key: fc.constantFrom("u:a", "u:b", "x:c"),
            content: fc.oneof(fc.record({ value: fc.nat(9) }), fc.record({ deleted: fc.integer({ min: 1, max: 2 }) })),
          }) },
          { weight: 2, arbitrary: fc.record({
            kind: fc.constant("item" as const),
            origin: fc.option(fc.record({ client: fc.constantFrom(1, 7, 8), clock: fc.nat(5) }), { nil: undefined }),
            rightOrigin: fc.option(fc.record({ client: fc.constantFrom(1, 7, 8), clock: fc.nat(5) }), { nil: undefined }),
            content: fc.record({ value: fc.nat(9) }),
          }) },
        ),
        { minLength: 1, maxLength: 4 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .chain((clients) =>
    fc
      .oneof(
        { weight: 2, arbitrary: fc.constant<ForgedDeletes>([]) },
        {
          weight: 1,
          arbitrary: fc.array(
            fc.record({
              client: fc.constantFrom(1, 7, 8),
              ranges: fc.array(fc.record({ clock: fc.nat(6), len: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 2 }),
            }),
            { minLength: 1, maxLength: 2 },
          ),
        },
      )
      .map((deletes) => forgeUpdate(clients as ForgedClient[], deletes)),
  );

describe("whatever its shape", () => {
  it("an update the check lets through never leaves Yjs anything pending and never throws", () => {
    let accepted = 0;
    fc.assert(
      fc.property(forgedUpdates, (update) => {
        const { doc, state } = base();
        if (!readUpdateStructure(update, doc.store).ok) return;
        accepted++;
        expect(leavesPending(state, update)).toBe(false);
      }),
      { numRuns: Number(process.env.GLOSS_PROPERTY_RUNS ?? 3000) },
    );
    // The property says something only if some random updates got through. About 2% do (60-odd of 3000, varying
    // with the seed; a run once let 49 through), so the bar sits well below that rather than at its edge.
    expect(accepted).toBeGreaterThan(20);
  });
});

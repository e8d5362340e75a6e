/**
 * Forged updates sent as raw bytes by a signed-in student: each is refused (4422) and leaves no trace in the
 * other readers' documents, the log, Yjs's pending structs, the relational copy or the room as a restarted
 * server would load it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ANNOTATIONS, COMMENTS, OPENERS, REACTIONS, RESOLVED, entryKey } from "../lib/doc/layout";
import { comment, highlight, putAnnotation, putComment } from "../tests/helpers/entries";
import { forgeUpdate, freshClient, updateFor } from "../tests/helpers/forge-update";
import { expectNoTrace, setupSeminar, traceBefore, type SeminarFixture } from "../tests/helpers/seminar-fixture";
import { waitFor } from "../tests/helpers/y-client";

let f: SeminarFixture;

beforeAll(async () => {
  f = await setupSeminar();
});

afterAll(async () => {
  await f.close();
});

/** A room with Ada's thread in it, a witness (the instructor) and Ben, synced, about to send `forge()`'s bytes. */
async function attempt(words: string, forge: (context: { mark: ReturnType<typeof highlight>; root: ReturnType<typeof comment>; ben: Awaited<ReturnType<SeminarFixture["joined"]>> }) => Uint8Array) {
  const witness = await f.joined(f.teacher);
  const { mark, root } = await f.thread(f.ada, witness, words);
  const ben = await f.joined(f.ben);
  const before = await traceBefore(f, witness);
  ben.sendUpdate(forge({ mark, root, ben }));
  await expectNoTrace(f, ben, witness, before);
}

/** A valid highlight of Ben's, as the value of a forged item: only the update's shape is wrong. */
function bensMark(id: string) {
  const value = { ...highlight(f.ben, f.paragraphs[0]!, f.paragraphs[0]!.text.slice(0, 8)), id };
  return { kind: "item" as const, parent: ANNOTATIONS, key: entryKey(f.ben.id, id), content: { value } };
}

describe("updates Yjs would not apply whole", () => {
  it("refuses a GC struct placed after a gap", () =>
    attempt("Kremlin", () => forgeUpdate([{ client: freshClient(), clock: 5, structs: [{ kind: "gc", length: 2 }] }])));

  it("refuses the same client listed twice in one update", () =>
    attempt("Beijing", () => {
      const client = freshClient();
      return forgeUpdate([
        { client, clock: 0, structs: [bensMark("twice_one_1")] },
        { client, clock: 1, structs: [bensMark("twice_two_2")] },
      ]);
    }));

  it("refuses an item whose origin is a later clock of its own client, without the 1011 a half-applied update would cause", () =>
    attempt("Washington", () => {
      const client = freshClient();
      const { content } = bensMark("forward_01");
      return forgeUpdate([{ client, clock: 0, structs: [{ kind: "item", origin: { client, clock: 1 }, content }, bensMark("forward_01")] }]);
    }));

  it("refuses references that form a cycle across two clients", async () => {
    const witness = await f.joined(f.teacher);
    await f.thread(f.ada, witness, "Kabul");
    const ben = await f.joined(f.ben);
    // Ben's own highlight, honestly written; the forged items overwrite it, each placed by the other.
    const own = highlight(f.ben, f.paragraphs[0]!, f.paragraphs[0]!.text.slice(0, 8));
    putAnnotation(ben.doc, own);
    await waitFor(witness.doc, () => witness.doc.getMap(ANNOTATIONS).has(entryKey(f.ben.id, own.id)), 5000, "Ben's highlight");
    const before = await traceBefore(f, witness);
    const [one, two] = [freshClient(), freshClient()];
    const value = { value: { ...own, color: "pink" } };
    const previous = { client: ben.doc.clientID, clock: 0 };
    ben.sendUpdate(
      forgeUpdate([
        { client: one, clock: 0, structs: [{ kind: "item", origin: previous, rightOrigin: { client: two, clock: 0 }, content: value }] },
        { client: two, clock: 0, structs: [{ kind: "item", origin: { client: one, clock: 0 }, content: value }] },
      ]),
    );
    await expectNoTrace(f, ben, witness, before);
  });
});

describe("entries that would take over someone else's", () => {
  it("refuses a comment under one's own key that reuses another member's comment id", () =>
    attempt("China", ({ mark, root, ben }) =>
      updateFor(ben.doc, (doc) => putComment(doc, { ...comment(f.ben, mark.id, "Decoy"), id: root.id, parentId: root.id })),
    ));

  it("refuses an annotation that reuses another member's annotation id", () =>
    attempt("Uzbekistan", ({ mark, ben }) =>
      updateFor(ben.doc, (doc) => putAnnotation(doc, { ...highlight(f.ben, f.paragraphs[0]!, f.paragraphs[0]!.text.slice(0, 8)), id: mark.id })),
    ));

  it("refuses a comment timed before the highlight it answers, as a forged first comment would be", () =>
    attempt("Tajikistan", ({ mark, ben }) => updateFor(ben.doc, (doc) => putComment(doc, { ...comment(f.ben, mark.id, "First!"), createdAt: 0 }))));

  it("refuses a time far in the future", () =>
    attempt("Afghanistan", ({ mark, root, ben }) =>
      updateFor(ben.doc, (doc) => putComment(doc, { ...comment(f.ben, mark.id, "Last word", root.id), createdAt: Date.now() + 3_600_000 })),
    ));

  it("refuses a client's write to the map of thread openers, which only the server writes", () =>
    attempt("Taliban", ({ mark, ben }) => updateFor(ben.doc, (doc) => doc.getMap(OPENERS).set(mark.id, { id: mark.id, commentId: "mine_123456", at: Date.now() }))));

  it("refuses a comment stub that claims to be withheld", () =>
    attempt("terrorist", ({ mark, ben }) =>
      updateFor(ben.doc, (doc) => putComment(doc, { ...comment(f.ben, mark.id, "x"), body: "", withheld: true })),
    ));

  it("refuses resolving a thread through a second first comment on someone else's highlight", async () => {
    const witness = await f.joined(f.teacher);
    const { mark } = await f.thread(f.ada, witness, "Moscow");
    const ben = await f.joined(f.ben);
    const second = comment(f.ben, mark.id, "My own first comment");
    putComment(ben.doc, second);
    await waitFor(witness.doc, () => witness.doc.getMap(COMMENTS).has(entryKey(f.ben.id, second.id)), 5000, "Ben's comment");
    const before = await traceBefore(f, witness);
    ben.sendUpdate(updateFor(ben.doc, (doc) => doc.getMap(RESOLVED).set(second.id, { id: second.id, byId: f.ben.id, byName: f.ben.name, at: Date.now() })));
    await expectNoTrace(f, ben, witness, before);
  });

  it("refuses a reaction timed before the comment it reacts to", () =>
    attempt("channels", ({ root, ben }) =>
      updateFor(ben.doc, (doc) =>
        doc.getMap(REACTIONS).set(entryKey(f.ben.id, root.id), { id: root.id, authorId: f.ben.id, authorName: f.ben.name, reaction: "agree", createdAt: 5 }),
      ),
    ));
});

describe("what stays apart", () => {
  it("keys the relational copy by room: the same comment id in another seminar's room changes nothing here", async () => {
    const witness = await f.joined(f.teacher);
    const { root, mark } = await f.thread(f.ada, witness, "communication");
    const rowBefore = await f.database.db.comment.findUniqueOrThrow({ where: { roomId_id: { roomId: f.firstRoom, id: root.id } } });
    const other = await f.joined(f.cleo, f.secondRoom);
    const theirs = highlight(f.cleo, f.paragraphs[0]!, f.paragraphs[0]!.text.slice(0, 12));
    other.doc.transact(() => {
      putAnnotation(other.doc, { ...theirs, id: mark.id });
      putComment(other.doc, { ...comment(f.cleo, mark.id, "Same ids, other room"), id: root.id });
    });
    await expect.poll(() => f.database.db.comment.findUnique({ where: { roomId_id: { roomId: f.secondRoom, id: root.id } } })).toMatchObject({ body: "Same ids, other room" });
    expect(await f.database.db.comment.findUniqueOrThrow({ where: { roomId_id: { roomId: f.firstRoom, id: root.id } } })).toEqual(rowBefore);
    expect(other.ws.readyState).toBe(other.ws.OPEN);
  });

  it("keeps a client id with the user who used it, across a restart, even if they only showed presence", async () => {
    const adaDoc = new Y.Doc();
    const ada = await f.joined(f.ada, f.firstRoom, adaDoc);
    ada.awareness.setLocalStateField("reading", "¶ 1");
    const witness = await f.joined(f.teacher);
    await waitFor(witness.doc, () => [...witness.awareness.getStates().keys()].includes(adaDoc.clientID), 5000, "Ada's presence").catch(() => undefined);
    await expect.poll(() => [...witness.awareness.getStates().keys()].includes(adaDoc.clientID)).toBe(true);
    // Her claim is stored even though she has written nothing.
    await expect.poll(() => f.database.db.roomClient.count({ where: { roomId: f.firstRoom, clientId: BigInt(adaDoc.clientID) } })).toBe(1);

    await f.restart();
    const ben = await f.joined(f.ben);
    const forged = new Y.Doc();
    forged.clientID = adaDoc.clientID;
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(ben.doc));
    const before = Y.encodeStateVector(forged);
    putAnnotation(forged, highlight(f.ben, f.paragraphs[1]!, f.paragraphs[1]!.text.slice(0, 10)));
    ben.sendUpdate(Y.encodeStateAsUpdate(forged, before));
    expect((await ben.closed).code).toBe(4422);

    const back = await f.joined(f.ada, f.firstRoom, adaDoc);
    const mark = highlight(f.ada, f.paragraphs[2]!, f.paragraphs[2]!.text.slice(0, 10));
    putAnnotation(back.doc, mark);
    await expect.poll(() => f.database.db.annotation.findFirst({ where: { id: mark.id } })).not.toBeNull();
    expect(back.ws.readyState).toBe(back.ws.OPEN);
  });
});

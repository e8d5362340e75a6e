import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ANNOTATIONS, COMMENTS, entryKey } from "../lib/doc/layout";
import { comment, highlight, putAnnotation, putComment } from "../tests/helpers/entries";
import { checkUpdate } from "./check-update";
import { clientOwnersOf } from "./client-owners";

const ada = { id: "user_ada_0001", name: "Ada" };
const ben = { id: "user_ben_0002", name: "Ben" };
const paragraph = { id: "para_000001", text: "The victory of the Taliban was carefully prepared by Moscow." };

/** The server's document, and a client that has synced with it. */
function setup() {
  const server = new Y.Doc();
  const owners = new Map<number, string>();
  const client = (user: typeof ada) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    return {
      doc,
      /** What `change` makes of `doc`, as the update the client would send. */
      update(change: (doc: Y.Doc) => void): Uint8Array {
        const before = Y.encodeStateVector(doc);
        change(doc);
        return Y.encodeStateAsUpdate(doc, before);
      },
      check: (update: Uint8Array) => checkUpdate(update, { doc: server, writer: user, clientOwners: owners }),
      /** Checks, and applies to the server as the server would when allowed. */
      send(update: Uint8Array) {
        const result = checkUpdate(update, { doc: server, writer: user, clientOwners: owners });
        if (result.ok) {
          result.clients.forEach((c) => owners.set(c, user.id));
          Y.applyUpdate(server, update);
        }
        return result;
      },
    };
  };
  return { server, owners, client };
}

describe("checkUpdate", () => {
  it("lets a reader add a highlight with a comment in their own name", () => {
    const { client } = setup();
    const a = client(ada);
    const mark = highlight(ada, paragraph, "carefully prepared");
    const result = a.send(a.update((doc) => doc.transact(() => {
      putAnnotation(doc, mark);
      putComment(doc, comment(ada, mark.id, "How?"));
    })));
    expect(result).toEqual({ ok: true, clients: [a.doc.clientID] });
  });

  it("refuses an entry whose key names another author", () => {
    const { client } = setup();
    const b = client(ben);
    const forged = highlight(ada, paragraph, "Moscow");
    expect(b.check(b.update((doc) => putAnnotation(doc, forged)))).toMatchObject({ ok: false });
  });

  it("refuses an entry under one's own key that claims another author inside", () => {
    const { client } = setup();
    const b = client(ben);
    const forged = { ...highlight(ada, paragraph, "Moscow") };
    const update = b.update((doc) => doc.getMap(ANNOTATIONS).set(entryKey(ben.id, forged.id), forged));
    expect(b.check(update)).toMatchObject({ ok: false, reason: expect.stringContaining("author") });
  });

  it("refuses another display name than the writer's own", () => {
    const { client } = setup();
    const b = client(ben);
    const renamed = { ...highlight(ben, paragraph, "Moscow"), authorName: "The Instructor" };
    expect(b.check(b.update((doc) => putAnnotation(doc, renamed)))).toMatchObject({ ok: false });
  });

  it("refuses values that do not fit the layout", () => {
    const { client } = setup();
    const b = client(ben);
    const update = b.update((doc) => doc.getMap(COMMENTS).set(entryKey(ben.id, "abcdef12"), { body: "<script>" }));
    expect(b.check(update)).toMatchObject({ ok: false });
  });

  it("refuses root types outside the layout and nested types", () => {
    const { client } = setup();
    const b = client(ben);
    expect(b.check(b.update((doc) => doc.getMap("grades").set(entryKey(ben.id, "abcdef12"), 1)))).toMatchObject({ ok: false });
    expect(b.check(b.update((doc) => doc.getMap(COMMENTS).set(entryKey(ben.id, "abcdef12"), new Y.Map())))).toMatchObject({ ok: false });
    expect(b.check(b.update((doc) => doc.getText(ANNOTATIONS).insert(0, "x")))).toMatchObject({ ok: false });
  });

  it("lets an author edit their own entry (an overwrite carries no parent; its key is found through its origin)", () => {
    const { client } = setup();
    const a = client(ada);
    const note = comment(ada, "annot_0001", "First thought");
    expect(a.send(a.update((doc) => putComment(doc, note)))).toMatchObject({ ok: true });
    const edit = a.update((doc) => putComment(doc, { ...note, body: "Second thought", editedAt: Date.now() }));
    expect(a.send(edit)).toMatchObject({ ok: true });
  });

  it("refuses editing or deleting another reader's entry", () => {
    const { client } = setup();
    const a = client(ada);
    const note = comment(ada, "annot_0001", "Mine");
    a.send(a.update((doc) => putComment(doc, note)));
    const b = client(ben);
    const key = entryKey(ada.id, note.id);
    expect(b.check(b.update((doc) => doc.getMap(COMMENTS).set(key, { ...note, body: "Yours now" })))).toMatchObject({ ok: false });
    expect(b.check(b.update((doc) => doc.getMap(COMMENTS).delete(key)))).toMatchObject({ ok: false });
  });

  it("lets an author delete their own entry", () => {
    const { client } = setup();
    const a = client(ada);
    const note = comment(ada, "annot_0001", "Mine");
    a.send(a.update((doc) => putComment(doc, note)));
    expect(a.send(a.update((doc) => doc.getMap(COMMENTS).delete(entryKey(ada.id, note.id))))).toMatchObject({ ok: true });
  });

  it("refuses a Yjs client id that another user has already written with", () => {
    const { client } = setup();
    const a = client(ada);
    a.send(a.update((doc) => putComment(doc, comment(ada, "annot_0001", "Mine"))));
    const b = client(ben);
    b.doc.clientID = a.doc.clientID;
    expect(b.check(b.update((doc) => putComment(doc, comment(ben, "annot_0001", "Also mine"))))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("client id"),
    });
  });

  it("refuses deleting content the server does not have (a delete held back for later)", () => {
    const { client, server } = setup();
    const b = client(ben);
    const other = new Y.Doc();
    putComment(other, comment(ada, "annot_0001", "Not yet on the server"));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(other));
    // Ben's update holds only the delete: the content it refers to reached him, not the server.
    const deleteOnly = b.update((doc) => doc.getMap(COMMENTS).delete(entryKey(ada.id, [...other.getMap<{ id: string }>(COMMENTS).values()][0]!.id)));
    expect(b.check(deleteOnly)).toMatchObject({ ok: false, reason: expect.stringContaining("does not have"), missing: true });
    expect(server.getMap(COMMENTS).size).toBe(0);
  });

  it("refuses garbage", () => {
    const { client } = setup();
    expect(client(ada).check(new Uint8Array([1, 2, 3, 4, 5]))).toMatchObject({ ok: false });
  });

  it("rebuilds who owns which client id from a stored document", () => {
    const { client, server } = setup();
    const a = client(ada);
    a.send(a.update((doc) => putComment(doc, comment(ada, "annot_0001", "Mine"))));
    expect(clientOwnersOf(server)).toEqual(new Map([[a.doc.clientID, ada.id]]));
  });
});

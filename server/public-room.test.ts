/**
 * An essay's public room belongs to no seminar: every signed-in reader may write there, and the accounts listed in
 * GLOSS_MODERATORS moderate it as an instructor moderates a seminar's room. A plain reader who tries is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMENTS, HIDDEN, entryKey, roomIdFor, type Comment } from "../lib/doc/layout";
import { CloseCode } from "../lib/live/wire";
import { comment, highlight, putAnnotation, putComment } from "../tests/helpers/entries";
import { setupSeminar, type SeminarFixture } from "../tests/helpers/seminar-fixture";
import { waitFor } from "../tests/helpers/y-client";

let f: SeminarFixture;
let publicRoom: string;
const before = process.env.GLOSS_MODERATORS;

beforeAll(async () => {
  f = await setupSeminar();
  publicRoom = roomIdFor(f.essayId, null);
  // Cleo moderates the site; she is no instructor of any seminar.
  const cleo = await f.database.db.user.findUniqueOrThrow({ where: { id: f.cleo.id }, select: { email: true } });
  process.env.GLOSS_MODERATORS = `someone-else@example.edu, ${cleo.email.toUpperCase()}`;
});

afterAll(async () => {
  process.env.GLOSS_MODERATORS = before;
  await f.close();
});

async function threadInPublicRoom(words: string) {
  const writer = await f.joined(f.ada, publicRoom);
  const paragraph = f.paragraphs.find((p) => p.text.includes(words))!;
  const mark = highlight(f.ada, paragraph, words);
  const root = comment(f.ada, mark.id, `Posted publicly about ${words}`);
  writer.doc.transact(() => {
    putAnnotation(writer.doc, mark);
    putComment(writer.doc, root);
  });
  return { writer, root };
}

const hiddenBy = (by: { id: string; name: string }, id: string) => ({ id, byId: by.id, byName: by.name, at: Date.now() });

describe("the public room", () => {
  it("lets a site moderator hide a comment, and its text leaves every reader", async () => {
    const { writer, root } = await threadInPublicRoom("Moscow");
    const moderator = await f.joined(f.cleo, publicRoom);
    await waitFor(moderator.doc, () => moderator.doc.getMap(COMMENTS).has(entryKey(f.ada.id, root.id)), 5000, "the comment at the moderator");
    moderator.doc.getMap(HIDDEN).set(root.id, hiddenBy(f.cleo, root.id));
    const stub = () => writer.doc.getMap<Comment>(COMMENTS).get(entryKey(f.ada.id, root.id));
    await waitFor(writer.doc, () => stub()?.withheld === true, 5000, "the stub at the author");
    expect(stub()).toMatchObject({ body: "", withheld: true });
    expect(moderator.ws.readyState).toBe(moderator.ws.OPEN);
  });

  it("refuses a plain reader's attempt to hide someone else's comment", async () => {
    const { root } = await threadInPublicRoom("Taliban");
    const reader = await f.joined(f.ben, publicRoom);
    await waitFor(reader.doc, () => reader.doc.getMap(COMMENTS).has(entryKey(f.ada.id, root.id)), 5000, "the comment at the reader");
    reader.doc.getMap(HIDDEN).set(root.id, hiddenBy(f.ben, root.id));
    expect((await reader.closed).code).toBe(CloseCode.UpdateRefused);
    const fresh = await f.joined(f.ada, publicRoom);
    expect(fresh.doc.getMap<Comment>(COMMENTS).get(entryKey(f.ada.id, root.id))).toMatchObject({ body: root.body });
    expect(fresh.doc.getMap(HIDDEN).has(root.id)).toBe(false);
  });
});

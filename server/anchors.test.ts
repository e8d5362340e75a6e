/**
 * After a revision an instructor places a note anew (lib/doc/layout.ts, ANCHORS): the server takes it from the
 * seminar's instructor and keeps it through a restart of the room; from a student it refuses it (4422) and stores
 * nothing. The relational copy keeps it too, and the note's row says it is shown there (what reports read). A note
 * deleted takes its placement with it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectorsFor } from "../lib/doc/anchor";
import { ANCHORS, ANNOTATIONS, entryKey } from "../lib/doc/layout";
import { CloseCode } from "../lib/live/wire";
import { highlight, putAnnotation } from "../tests/helpers/entries";
import { setupSeminar, type SeminarFixture } from "../tests/helpers/seminar-fixture";
import { waitFor } from "../tests/helpers/y-client";

let f: SeminarFixture;

beforeAll(async () => {
  f = await setupSeminar();
});

afterAll(async () => {
  await f.close();
});

const placement = (by: { id: string; name: string }, annotationId: string, paragraph: { id: string; text: string }, words: string) => {
  const start = paragraph.text.indexOf(words);
  return { id: annotationId, paragraphId: paragraph.id, selector: selectorsFor(paragraph.text, { start, end: start + words.length }), byId: by.id, byName: by.name, at: Date.now() };
};

describe("placing a note after a revision", () => {
  it("is the instructor's to do, survives a reload of the room, and goes with its note", async () => {
    const paragraph = f.paragraphs.find((p) => p.text.includes("Moscow"))!;
    const ada = await f.joined(f.ada);
    const mark = highlight(f.ada, paragraph, "Moscow");
    putAnnotation(ada.doc, mark);
    const teacher = await f.joined(f.teacher);
    await waitFor(teacher.doc, () => teacher.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, mark.id)), 5000, "the note at the teacher");

    const ben = await f.joined(f.ben);
    ben.doc.getMap(ANCHORS).set(mark.id, placement(f.ben, mark.id, paragraph, "Taliban"));
    expect((await ben.closed).code).toBe(CloseCode.UpdateRefused);

    teacher.doc.getMap(ANCHORS).set(mark.id, placement(f.teacher, mark.id, paragraph, "Kremlin"));
    await waitFor(ada.doc, () => ada.doc.getMap(ANCHORS).has(mark.id), 5000, "the placement at the author");
    const { db } = f.database;
    const row = () => db.annotation.findFirst({ where: { roomId: f.firstRoom, id: mark.id }, select: { shownAs: true, shownParagraphId: true, shownStart: true, deletedAt: true } });
    const kremlin = paragraph.text.indexOf("Kremlin");
    await expect.poll(row).toMatchObject({ shownAs: "placed", shownParagraphId: paragraph.id, shownStart: kremlin });
    expect(await db.placement.findFirst({ where: { roomId: f.firstRoom, annotationId: mark.id } })).toMatchObject({ quote: "Kremlin", byId: f.teacher.id });
    await f.restart();
    const later = await f.joined(f.ada);
    expect(later.doc.getMap(ANCHORS).get(mark.id)).toMatchObject({ byId: f.teacher.id, selector: [{ exact: "Kremlin" }, expect.anything()] });

    later.doc.getMap(ANNOTATIONS).delete(entryKey(f.ada.id, mark.id));
    await waitFor(later.doc, () => !later.doc.getMap(ANCHORS).has(mark.id), 5000, "the placement gone with its note");
    await expect.poll(() => db.placement.count({ where: { roomId: f.firstRoom, annotationId: mark.id } })).toBe(0);
  });
});

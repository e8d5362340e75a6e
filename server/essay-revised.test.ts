/**
 * A revision adds paragraphs to an essay whose rooms are loaded: the websocket server hears of it (the access
 * channel), tells the pages open on it, and accepts notes on the new paragraphs at once, instead of refusing them
 * until the room unloads. A note written from a page still showing the old text is counted where readers see it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANNOTATIONS, entryKey } from "../lib/doc/layout";
import { reviseEssay } from "../lib/essays/revise-essay.server";
import { highlight, putAnnotation } from "../tests/helpers/entries";
import { setupSeminar, type SeminarFixture } from "../tests/helpers/seminar-fixture";
import { until } from "../tests/helpers/until";

let f: SeminarFixture;

beforeAll(async () => {
  f = await setupSeminar({ listen: true });
});

afterAll(async () => {
  await f.close();
});

describe("a revised essay's loaded rooms", () => {
  it("accept a note on a paragraph the revision added", async () => {
    const ada = await f.joined(f.ada);
    const paragraphs = await f.database.db.paragraph.findMany({ where: { essayId: f.essayId, position: { gte: 0 } }, orderBy: { position: "asc" } });
    const added = "A paragraph the instructor added after the room was loaded, with words to mark.";
    const text = [...paragraphs.map((p) => p.text).slice(0, 2), added, ...paragraphs.map((p) => p.text).slice(2)].join("\n\n");
    await reviseEssay(f.database.db, { seminarId: f.firstSeminarId, essayId: f.essayId, userId: f.teacher.id, text });
    const fresh = await f.database.db.paragraph.findFirstOrThrow({ where: { essayId: f.essayId, text: added } });
    // Pages already open are told, through the server's own presence entry, so they can offer a reload.
    await until(() => ada.received.some((frame) => Buffer.from(frame).includes(Buffer.from("essayRevisedAt"))), "the revision announced to an open page");

    const mark = highlight(f.ada, { id: fresh.id, text: added }, "words to mark");
    // The event travels through PostgreSQL: write once the room has heard of it, as a reader reloading would.
    await until(async () => {
      const probe = await f.joined(f.ben);
      const accepted = await new Promise<boolean>((resolve) => {
        probe.ws.once("close", () => resolve(false));
        putAnnotation(probe.doc, highlight(f.ben, { id: fresh.id, text: added }, "paragraph"));
        setTimeout(() => resolve(probe.ws.readyState === probe.ws.OPEN), 500);
      });
      return accepted;
    }, "a note on the new paragraph accepted");
    putAnnotation(ada.doc, mark);
    await until(async () => (await f.database.db.annotation.findFirst({ where: { id: mark.id } })) !== null, "the note's row");
    expect(ada.ws.readyState).toBe(ada.ws.OPEN);
    expect(ada.doc.getMap(ANNOTATIONS).has(entryKey(f.ada.id, mark.id))).toBe(true);
  });

  it("places a note written from a page opened before the revision where readers see it", async () => {
    const { db } = f.database;
    const ben = await f.joined(f.ben);
    const [first, second] = await db.paragraph.findMany({ where: { essayId: f.essayId, kind: "body", position: { gte: 0 } }, orderBy: { position: "asc" }, take: 2 });
    const words = "it would be a mistake for the West to think that Russia could be an ally";
    const sentence = first!.text.slice(first!.text.lastIndexOf(" The new power") + 1);
    expect(sentence).toContain(words);
    const stale = highlight(f.ben, first!, words);
    // The sentence moves to the next paragraph; Ben's page still shows it where it was.
    const text = (await db.paragraph.findMany({ where: { essayId: f.essayId, position: { gte: 0 } }, orderBy: { position: "asc" } }))
      .map((p) => (p.id === first!.id ? p.text.replace(` ${sentence}`, "") : p.id === second!.id ? `${sentence} ${p.text}` : p.text))
      .join("\n\n");
    await reviseEssay(db, { seminarId: f.firstSeminarId, essayId: f.essayId, userId: f.teacher.id, text });
    putAnnotation(ben.doc, stale);
    await expect
      .poll(() => db.annotation.findFirst({ where: { id: stale.id }, select: { paragraphId: true, shownAs: true, shownParagraphId: true, shownStart: true } }))
      .toEqual({ paragraphId: first!.id, shownAs: "moved", shownParagraphId: second!.id, shownStart: sentence.indexOf(words) });
  });
});

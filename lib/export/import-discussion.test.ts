/**
 * The round trip, through the real websocket server: a seminar's discussion is exported as JSON-LD, imported into
 * an empty seminar on the same essay, and exported again; the threads, quotes, parents, bodies and tags are the
 * same (ids differ). Readers already in the receiving room see the threads arrive. Only the receiving seminar's
 * instructors may import, and a file that is not a Gloss export is refused with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAppError } from "../../tests/helpers/app-error";
import { comment, putComment } from "../../tests/helpers/entries";
import { setupSeminar, type SeminarFixture } from "../../tests/helpers/seminar-fixture";
import { until } from "../../tests/helpers/until";
import { waitFor } from "../../tests/helpers/y-client";
import { ANNOTATIONS, COMMENTS, RESOLVED, entryKey, roomIdFor, type Annotation, type Comment } from "../doc/layout";
import { AppErrorCode } from "../errors/app-error";
import { addEssay } from "../seminars/add-essay.server";
import { archiveSeminar } from "../seminars/archive-seminar.server";
import { createSeminar } from "../seminars/create-seminar.server";
import { joinSeminar } from "../seminars/join-seminar.server";
import type { Discussion } from "./discussion";
import { IMPORT_NOT_AVAILABLE, importDiscussion } from "./import-discussion.server";
import { loadDiscussion } from "./load-discussion.server";
import { discussionToJsonLd } from "./to-jsonld";

let fixture: SeminarFixture;
let exported: unknown;
let target: { seminarId: string; roomId: string };

beforeAll(async () => {
  fixture = await setupSeminar();
  const { teacher, ada, ben } = fixture;
  const witness = await fixture.joined(teacher);
  const moscow = await fixture.thread(ada, witness, "Moscow");
  const reply = { ...comment(ben, moscow.mark.id, "A reply, with a comma — and “quotes”", moscow.root.id), tags: ["disagree"] };
  const benWriter = await fixture.joined(ben);
  putComment(benWriter.doc, reply);
  await fixture.thread(ben, witness, "Kremlin");
  witness.doc.getMap(RESOLVED).set(moscow.root.id, { id: moscow.root.id, byId: teacher.id, byName: teacher.name, at: Date.now() });
  await waitFor(witness.doc, () => witness.doc.getMap(COMMENTS).has(entryKey(ben.id, reply.id)), 5000, "Ben's reply");
  const { db } = fixture.database;
  await until(async () => (await db.comment.count({ where: { roomId: fixture.firstRoom, resolvedAt: { not: null } } })) === 1, "the resolved row");
  await until(async () => (await db.comment.count({ where: { roomId: fixture.firstRoom } })) === 3, "three comment rows");
  exported = JSON.parse(JSON.stringify(discussionToJsonLd(await loadDiscussion(db, { roomId: fixture.firstRoom, userId: teacher.id, sourceUrl: "http://gloss.test/s/e" }))));

  // An empty seminar on the same essay, taught by the same teacher, with Ada in it but not Ben.
  const seminar = await createSeminar(db, { name: "Next term", term: "Autumn", instructorId: teacher.id });
  await joinSeminar(db, { code: seminar.inviteCode!, userId: ada.id });
  await addEssay(db, { seminarId: seminar.id, essayId: fixture.essayId, userId: teacher.id });
  target = { seminarId: seminar.id, roomId: roomIdFor(fixture.essayId, seminar.id) };
});
afterAll(() => fixture.close());

/** What must survive the trip: per thread, its place and words, and its comments as a tree of bodies and tags. */
function structure(d: Discussion) {
  return d.threads.map((t) => ({
    paragraphIndex: t.paragraphIndex,
    kind: t.kind,
    quote: t.quote?.exact ?? null,
    position: t.position,
    resolved: t.resolved,
    comments: t.comments.map((c) => ({ body: c.body, tags: c.tags, answers: c.parentId === null ? null : t.comments.findIndex((p) => p.id === c.parentId) })),
  }));
}

describe("importing a JSON-LD export", () => {
  it("recreates the same threads in an empty seminar, live for readers already there, and adds nothing the second time", async () => {
    const { teacher, ada } = fixture;
    const reader = await fixture.joined(ada, target.roomId);
    const before = await loadDiscussion(fixture.database.db, { roomId: fixture.firstRoom, userId: teacher.id, sourceUrl: "x" });

    const report = await importDiscussion(fixture.database.db, { seminarId: target.seminarId, essayId: fixture.essayId, userId: teacher.id, json: exported });
    expect(report).toMatchObject({ threads: 2, comments: 3, alreadyThere: 0, reanchored: 0, unanchored: [], hiddenLeftOut: 0 });
    await waitFor(reader.doc, () => reader.doc.getMap(COMMENTS).size === 3, 5000, "the imported comments");

    const after = await loadDiscussion(fixture.database.db, { roomId: target.roomId, userId: teacher.id, sourceUrl: "x" });
    expect(structure(after)).toEqual(structure(before));
    expect(after.threads.flatMap((t) => t.comments.map((c) => c.id))).not.toContain(before.threads[0]!.comments[0]!.id);

    // Ada is a member here and is shown by her name; Ben is not, and is shown as imported. All of it belongs to the
    // importing teacher's account, so no file can make Ada the author of words, or earn her credit on an assignment.
    const names = [...reader.doc.getMap<Comment>(COMMENTS).values()].map((c) => c.authorName).sort();
    expect(names).toEqual(["Ada", "imported: Ben", "imported: Ben"]);
    const authors = [...reader.doc.getMap<Annotation>(ANNOTATIONS).values(), ...reader.doc.getMap<Comment>(COMMENTS).values()].map((e) => e.authorId);
    expect(new Set(authors)).toEqual(new Set([teacher.id]));

    const again = await importDiscussion(fixture.database.db, { seminarId: target.seminarId, essayId: fixture.essayId, userId: teacher.id, json: exported });
    expect(again).toMatchObject({ threads: 0, comments: 0, alreadyThere: 2 });
  });

  it("is for the receiving seminar's instructors only, and not into an archived seminar", async () => {
    const args = { seminarId: target.seminarId, essayId: fixture.essayId, json: exported };
    await expectAppError(importDiscussion(fixture.database.db, { ...args, userId: fixture.ada.id }), AppErrorCode.NotFound, IMPORT_NOT_AVAILABLE);
    await expectAppError(importDiscussion(fixture.database.db, { ...args, userId: fixture.cleo.id }), AppErrorCode.NotFound, IMPORT_NOT_AVAILABLE);
    const archived = await createSeminar(fixture.database.db, { name: "Old", term: "Past", instructorId: fixture.teacher.id });
    await addEssay(fixture.database.db, { seminarId: archived.id, essayId: fixture.essayId, userId: fixture.teacher.id });
    await archiveSeminar(fixture.database.db, { seminarId: archived.id, userId: fixture.teacher.id });
    await expectAppError(importDiscussion(fixture.database.db, { ...args, seminarId: archived.id, userId: fixture.teacher.id }), AppErrorCode.Forbidden);
  });

  it("refuses a file that is not a Gloss export, saying why", async () => {
    const args = { seminarId: target.seminarId, essayId: fixture.essayId, userId: fixture.teacher.id };
    await expectAppError(importDiscussion(fixture.database.db, { ...args, json: "not json" }), AppErrorCode.InvalidInput);
    await expectAppError(importDiscussion(fixture.database.db, { ...args, json: { type: "AnnotationCollection" } }), AppErrorCode.InvalidInput);
  });
});

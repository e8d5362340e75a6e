/**
 * The import command, called directly as `npm run import` calls it, with a live websocket server in the process (as
 * scripts/import.ts runs one): only the receiving seminar's instructors may import, and a bad file is refused.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { commandIo } from "../../tests/helpers/command-io";
import { setupSeminar, type SeminarFixture } from "../../tests/helpers/seminar-fixture";
import { IMPORT_USAGE, runImportCommand } from "./run-import-command.server";
import { loadDiscussion } from "./load-discussion.server";
import { discussionToJsonLd } from "./to-jsonld";

let fixture: SeminarFixture;
let file: string;
let slug: string;
let secondSeminar: string;
const email = async (id: string) => (await fixture.database.db.user.findUniqueOrThrow({ where: { id } })).email;

beforeAll(async () => {
  fixture = await setupSeminar();
  const { db } = fixture.database;
  const witness = await fixture.joined(fixture.teacher);
  await fixture.thread(fixture.ada, witness, "Moscow");
  const d = await loadDiscussion(db, { roomId: fixture.firstRoom, userId: fixture.teacher.id, sourceUrl: "http://gloss.test/e" });
  file = path.join(mkdtempSync(path.join(tmpdir(), "gloss-import-")), "discussion.jsonld");
  writeFileSync(file, JSON.stringify(discussionToJsonLd(d)));
  slug = (await db.essay.findUniqueOrThrow({ where: { id: fixture.essayId } })).slug;
  secondSeminar = (await db.room.findUniqueOrThrow({ where: { id: fixture.secondRoom } })).seminarId!;
});
afterAll(() => fixture.close());

async function run(argv: string[]) {
  const { io, text } = commandIo();
  return { code: await runImportCommand(fixture.database.db, argv, io), ...text };
}

it("shows how to use it, and says when the file cannot be read", async () => {
  expect(await run([])).toMatchObject({ code: 2, err: `${IMPORT_USAGE}\n` });
  const missing = await run(["--as", await email(fixture.teacher.id), "--seminar", secondSeminar, "--essay", slug, "/no/such/file.jsonld"]);
  expect(missing).toMatchObject({ code: 2, err: "Cannot read /no/such/file.jsonld: ENOENT\n" });
});

it("imports for the seminar's instructor only", async () => {
  for (const who of [fixture.cleo, fixture.ada]) {
    const refused = await run(["--as", await email(who.id), "--seminar", secondSeminar, "--essay", slug, file]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("Not found: ");
  }
  expect(await fixture.database.db.annotation.count({ where: { roomId: fixture.secondRoom } })).toBe(0);
  const done = await run(["--as", await email(fixture.teacher.id), "--seminar", secondSeminar, "--essay", slug, file]);
  expect(done).toMatchObject({ code: 0, out: "Imported 1 threads and 1 comments.\n" });
  expect(await fixture.database.db.comment.count({ where: { roomId: fixture.secondRoom } })).toBe(1);
});

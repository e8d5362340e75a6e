/**
 * The export command, called directly as `npm run export` calls it, against the real database: it answers as the
 * account named by --as, with the routes' rules (members only; hidden comments for instructors who ask).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandIo } from "../../tests/helpers/command-io";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { createUser } from "../../tests/helpers/users";
import { roomIdFor } from "../doc/layout";
import { addEssay } from "../seminars/add-essay.server";
import { createSeminar } from "../seminars/create-seminar.server";
import { joinSeminar } from "../seminars/join-seminar.server";
import { EXPORT_USAGE, runExportCommand } from "./run-export-command.server";

let database: TestDatabase;
let emails: Record<"teacher" | "ada" | "cleo", string>;
let seminarId: string, slug: string;
const files = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const [teacher, ada, cleo] = await Promise.all(["Teacher", "Ada", "Cleo"].map((name) => createUser(db, name)));
  emails = Object.fromEntries(
    await Promise.all((["teacher", "ada", "cleo"] as const).map(async (key, i) => [key, (await db.user.findUniqueOrThrow({ where: { id: [teacher, ada, cleo][i]!.id } })).email])),
  );
  const essay = await db.essay.findFirstOrThrow({ include: { paragraphs: { orderBy: { position: "asc" }, take: 3 } } });
  slug = essay.slug;
  const seminar = await createSeminar(db, { name: "Close reading", term: "Spring 2027", instructorId: teacher!.id });
  seminarId = seminar.id;
  await joinSeminar(db, { code: seminar.inviteCode!, userId: ada!.id });
  await addEssay(db, { seminarId, essayId: essay.id, userId: teacher!.id });
  const roomId = roomIdFor(essay.id, seminarId);
  const paragraph = essay.paragraphs[2]!;
  const at = new Date("2027-05-01T09:00:00Z");
  const id = randomUUID();
  await db.annotation.create({ data: { id, roomId, paragraphId: paragraph.id, authorId: ada!.id, kind: "highlight", color: "yellow", quote: paragraph.text.slice(0, 12), prefix: "", suffix: paragraph.text.slice(12, 20), start: 0, end: 12, createdAt: at } });
  const opener = randomUUID();
  await db.comment.create({ data: { id: opener, roomId, annotationId: id, authorId: ada!.id, body: "Seen from the command line", createdAt: at } });
  await db.comment.create({ data: { id: randomUUID(), roomId, annotationId: id, authorId: teacher!.id, parentId: opener, body: "Hidden remark", hiddenAt: at, createdAt: new Date(at.getTime() + 1) } });
});
afterAll(() => database.drop());

async function run(argv: string[]) {
  const { io, text, files: written } = commandIo();
  const code = await runExportCommand(database.db, argv, io);
  for (const [path, content] of written) files.set(path, content);
  return { code, ...text };
}

describe("npm run export", () => {
  it("shows how to use it when something is missing or wrong", async () => {
    expect(await run([])).toMatchObject({ code: 2, err: `${EXPORT_USAGE}\n` });
    expect((await run(["--as", emails.ada, "--essay", slug, "--seminar", seminarId, "--format", "pdf"])).code).toBe(2);
    expect((await run(["--bogus"])).err).toContain("Unknown option '--bogus'");
  });

  it("gives a non-member and an unknown account nothing", async () => {
    for (const as of [emails.cleo, "nobody@example.edu"]) {
      const result = await run(["--as", as, "--essay", slug, "--seminar", seminarId, "--format", "md"]);
      expect(result).toMatchObject({ code: 1, out: "" });
      expect(result.err).toMatch(/^Not found/);
    }
  });

  it("writes a member's export to stdout or a file, and hidden comments only for an instructor who asks", async () => {
    const student = await run(["--as", emails.ada, "--essay", slug, "--seminar", seminarId, "--format", "csv", "--hidden"]);
    expect(student.code).toBe(0);
    expect(student.out).toContain("Seen from the command line");
    expect(student.out).not.toContain("Hidden remark");
    expect(student.err).toMatch(/^Exported [\d.]+ KB/);

    const teacher = await run(["--as", emails.teacher.toUpperCase(), "--essay", slug, "--seminar", seminarId, "--format", "jsonld", "--hidden", "--out", "discussion.jsonld"]);
    expect(teacher).toMatchObject({ code: 0, out: "" });
    expect(teacher.err).toContain("to discussion.jsonld");
    const written = JSON.parse(files.get("discussion.jsonld")!) as { type: string };
    expect(written.type).toBe("AnnotationCollection");
    expect(files.get("discussion.jsonld")).toContain("Hidden remark");
  });
});

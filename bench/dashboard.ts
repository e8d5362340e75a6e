/**
 * What an assignment's dashboard costs on the server: a seminar of 40 students with 5,000 annotations (each with
 * its opening comment) and 3,000 replies in its room on the seed essay, written as the relational rows the
 * websocket server keeps and as the room's document. Times the participation count (the dashboard's query and
 * arithmetic), the dashboard as its page asks for it (instructor check, table, heat map, activity over time), the table's HTML, and the CSV,
 * for a passage of a few paragraphs and for the whole essay. Prints figures; asserts nothing.
 * Run: npm run bench:dashboard (uses DATABASE_URL's server when set, else an embedded PostgreSQL).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import * as Y from "yjs";
import { ParticipationTable } from "../app/seminars/[id]/assignments/[assignmentId]/participation-table";
import { createAssignment } from "../lib/assignments/create-assignment.server";
import { getDashboard } from "../lib/assignments/get-dashboard.server";
import { getParticipationTable } from "../lib/assignments/get-participation-table.server";
import { getParticipation } from "../lib/assignments/get-participation.server";
import { participationCsv } from "../lib/assignments/participation-csv";
import { createDb, type Db } from "../lib/db/client.server";
import { ANNOTATIONS, COMMENTS, entryKey, roomIdFor, type Annotation, type Comment } from "../lib/doc/layout";
import { addEssay } from "../lib/seminars/add-essay.server";
import { createSeminar } from "../lib/seminars/create-seminar.server";
import { seedDatabase } from "../prisma/seed";
import { benchDatabase } from "./bench-database";

const STUDENTS = 40;
const ANNOTATION_COUNT = 5_000;
const REPLY_COUNT = 3_000;
const RUNS = 7;

// A fixed sequence, so every run seeds the same room.
let seed = 7;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

async function seedSeminar(db: Db) {
  await seedDatabase(db);
  const essay = await db.essay.findFirstOrThrow({ include: { paragraphs: { orderBy: { position: "asc" } } } });
  const users = await Promise.all(
    Array.from({ length: STUDENTS + 1 }, (_, i) =>
      db.user.create({ data: { name: i === 0 ? "Instructor" : `Student ${String(i).padStart(2, "0")}`, email: `bench-${i}-${randomUUID()}@example.edu`, passwordHash: "-" } }),
    ),
  );
  const [instructor, ...students] = users;
  const seminar = await createSeminar(db, { name: "Benchmark seminar", term: "Spring 2027", instructorId: instructor!.id });
  await db.membership.createMany({ data: students.map((s) => ({ seminarId: seminar.id, userId: s.id, role: "student" as const })) });
  await addEssay(db, { seminarId: seminar.id, essayId: essay.id, userId: instructor!.id });
  const roomId = roomIdFor(essay.id, seminar.id);

  // Entries as the page writes them, into the room's document and the relational copy alike.
  const doc = new Y.Doc();
  const start = Date.now() - 10 * 86_400_000;
  const annotationRows = [];
  const commentRows = [];
  const roots: Array<{ id: string; annotationId: string; authorId: string }> = [];
  for (let i = 0; i < ANNOTATION_COUNT; i++) {
    const author = pick(students);
    const paragraph = pick(essay.paragraphs);
    const from = Math.floor(random() * Math.max(1, paragraph.text.length - 40));
    const to = Math.min(paragraph.text.length, from + 5 + Math.floor(random() * 40));
    const at = new Date(start + i * 60_000);
    const annotation: Annotation = {
      id: randomUUID(),
      authorId: author.id,
      authorName: author.name,
      paragraphId: paragraph.id,
      kind: "highlight",
      color: "yellow",
      selector: [
        { type: "TextQuoteSelector", exact: paragraph.text.slice(from, to), prefix: paragraph.text.slice(Math.max(0, from - 32), from), suffix: paragraph.text.slice(to, to + 32) },
        { type: "TextPositionSelector", start: from, end: to },
      ],
      createdAt: at.getTime(),
    };
    const root: Comment = { id: randomUUID(), authorId: author.id, authorName: author.name, annotationId: annotation.id, parentId: null, body: `Note ${i}: this sentence carries the argument further than it seems.`, createdAt: at.getTime(), editedAt: null };
    doc.getMap(ANNOTATIONS).set(entryKey(author.id, annotation.id), annotation);
    doc.getMap(COMMENTS).set(entryKey(author.id, root.id), root);
    annotationRows.push({ id: annotation.id, roomId, paragraphId: paragraph.id, authorId: author.id, kind: "highlight", color: "yellow", quote: annotation.selector![0].exact, start: from, end: to, createdAt: at, receivedAt: at });
    commentRows.push({ id: root.id, roomId, annotationId: annotation.id, parentId: null, authorId: author.id, body: root.body, createdAt: at, receivedAt: at });
    roots.push({ id: root.id, annotationId: annotation.id, authorId: author.id });
  }
  for (let i = 0; i < REPLY_COUNT; i++) {
    const author = pick(students);
    const root = pick(roots);
    const at = new Date(start + (ANNOTATION_COUNT + i) * 60_000);
    const reply: Comment = { id: randomUUID(), authorId: author.id, authorName: author.name, annotationId: root.annotationId, parentId: root.id, body: `Reply ${i}: I read it differently.`, createdAt: at.getTime(), editedAt: null };
    doc.getMap(COMMENTS).set(entryKey(author.id, reply.id), reply);
    commentRows.push({ id: reply.id, roomId, annotationId: root.annotationId, parentId: root.id, authorId: author.id, body: reply.body, createdAt: at, receivedAt: at });
  }
  await db.roomUpdate.create({ data: { roomId, data: Buffer.from(Y.encodeStateAsUpdate(doc)) } });
  await db.annotation.createMany({ data: annotationRows });
  for (let i = 0; i < commentRows.length; i += 1000) await db.comment.createMany({ data: commentRows.slice(i, i + 1000) });

  const assign = (title: string, first: number, last: number) =>
    createAssignment(db, {
      userId: instructor!.id,
      seminarId: seminar.id,
      essayId: essay.id,
      title,
      prompt: "Discuss.",
      passage: { startParagraphId: essay.paragraphs[first]!.id, endParagraphId: essay.paragraphs[last]!.id },
      opensAt: new Date(start),
      dueAt: new Date(start + 5 * 86_400_000),
      audience: "everyone",
      studentIds: [],
      rule: { notes: 3, replies: 2 },
    });
  const few = await assign("A passage of four paragraphs", 2, 5);
  const whole = await assign("The whole essay", 0, essay.paragraphs.length - 1);
  return { seminarId: seminar.id, instructorId: instructor!.id, paragraphs: essay.paragraphs.length, passages: [few.id, whole.id] };
}

async function time<T>(runs: number, work: () => Promise<T> | T): Promise<{ median: number; min: number; max: number; last: T }> {
  const took: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await work();
    took.push(performance.now() - t0);
  }
  took.sort((a, b) => a - b);
  return { median: took[Math.floor(took.length / 2)]!, min: took[0]!, max: took.at(-1)!, last };
}

const ms = ({ median, min, max }: { median: number; min: number; max: number }) => `${median.toFixed(1).padStart(6)} ms median (${min.toFixed(1)}–${max.toFixed(1)})`;

const database = await benchDatabase();
const db = createDb(database.url);
try {
  const seeded = await seedSeminar(db);
  console.log(`seminar of ${STUDENTS} students; room with ${ANNOTATION_COUNT} annotations and ${ANNOTATION_COUNT + REPLY_COUNT} comments on an essay of ${seeded.paragraphs} paragraphs; ${RUNS} runs each after one warm-up`);
  for (const assignmentId of seeded.passages) {
    const assignment = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    const ref = { seminarId: seeded.seminarId, assignmentId, userId: seeded.instructorId };
    await getDashboard(db, { ...ref, now: new Date() }); // warm-up: connections, prepared plans
    const counted = await time(RUNS, () => getParticipation(db, { assignment, now: new Date() }));
    const dashboard = await time(RUNS, () => getDashboard(db, { ...ref, now: new Date() }));
    const rows = dashboard.last.rows.map(({ student: { id, name }, ...row }) => ({ ...row, student: { id, name } }));
    const html = await time(RUNS, () => renderToString(createElement(ParticipationTable, { rows, rule: dashboard.last.rule, ruleText: dashboard.last.ruleText })));
    const csv = await time(RUNS, async () => participationCsv(await getParticipationTable(db, { ...ref, now: new Date() })));
    const inPassage = dashboard.last.rows.reduce((sum, row) => sum + row.notes, 0);
    console.log(`\n${assignment.title}: ${inPassage} of the students' notes in the passage, ${dashboard.last.rows.filter((r) => r.status === "done").length} students done`);
    const line = (label: string, figures: Parameters<typeof ms>[0], extra = "") => console.log(`  ${label.padEnd(46)} ${ms(figures)}${extra}`);
    line("participation (query + counting)", counted);
    line("dashboard (check, the above, heat map, chart)", dashboard);
    line("table HTML (server render of the table)", html);
    line("CSV (check, table, formatting)", csv, `   ${csv.last.length.toLocaleString("en")} bytes`);
  }
} finally {
  await db.$disconnect();
  await database.close();
}

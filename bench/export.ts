/**
 * What exporting a discussion costs: rooms of 2,500, 5,000 and 10,000 comments (threads of an opening comment and
 * replies, on the seed essay, as relational rows), each exported as CSV and as JSON-LD the way the download route
 * does it (load, render, stream). Prints the time, and the most heap the export kept alive at once above what the
 * process held before, so growth with the size would show. Asserts nothing.
 * Run: npm run bench:export (uses DATABASE_URL's server when set, else an embedded PostgreSQL).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createDb, type Db } from "../lib/db/client.server";
import { roomIdFor } from "../lib/doc/layout";
import { openDiscussion } from "../lib/export/load-discussion.server";
import { renderExport } from "../lib/export/render-export";
import type { ExportFormat } from "../lib/export/schemas";
import { addEssay } from "../lib/seminars/add-essay.server";
import { createSeminar } from "../lib/seminars/create-seminar.server";
import { seedDatabase } from "../prisma/seed";
import { benchDatabase } from "./bench-database";

const SIZES = [2_500, 5_000, 10_000];
const RUNS = 3;
const gc = (globalThis as { gc?: () => void }).gc;

let seed = 11;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

async function seedRoom(db: Db, comments: number) {
  const essay = await db.essay.findFirstOrThrow({ include: { paragraphs: { orderBy: { position: "asc" } } } });
  const users = await Promise.all(
    Array.from({ length: 31 }, (_, i) => db.user.create({ data: { name: `Reader ${i} «${"é".repeat(i % 3)}»`, email: `export-${i}-${randomUUID()}@example.edu`, passwordHash: "-" } })),
  );
  const seminar = await createSeminar(db, { name: `Export bench ${comments}`, term: "Spring 2027", instructorId: users[0]!.id });
  await db.membership.createMany({ data: users.slice(1).map((u) => ({ seminarId: seminar.id, userId: u.id, role: "student" as const })) });
  await addEssay(db, { seminarId: seminar.id, essayId: essay.id, userId: users[0]!.id });
  const roomId = roomIdFor(essay.id, seminar.id);
  const annotations = [];
  const rows = [];
  const start = Date.now() - 30 * 86_400_000;
  let thread: { id: string; root: string } | null = null;
  for (let i = 0; i < comments; i++) {
    const author = users[1 + Math.floor(random() * 30)]!;
    const at = new Date(start + i * 30_000);
    // About one thread in three comments: an opening comment and two replies.
    if (!thread || i % 3 === 0) {
      const paragraph = essay.paragraphs[Math.floor(random() * essay.paragraphs.length)]!;
      const from = Math.floor(random() * Math.max(1, paragraph.text.length - 40));
      const to = Math.min(paragraph.text.length, from + 8 + Math.floor(random() * 30));
      thread = { id: randomUUID(), root: randomUUID() };
      annotations.push({ id: thread.id, roomId, paragraphId: paragraph.id, authorId: author.id, kind: "highlight", color: "yellow", quote: paragraph.text.slice(from, to), prefix: paragraph.text.slice(Math.max(0, from - 32), from), suffix: paragraph.text.slice(to, to + 32), start: from, end: to, createdAt: at });
      rows.push({ id: thread.root, roomId, annotationId: thread.id, parentId: null, authorId: author.id, body: `Comment ${i}: this "sentence", with a comma, carries the argument further — n'est-ce pas?\nSecond line.`, tags: ["key point"], createdAt: at });
    } else {
      rows.push({ id: randomUUID(), roomId, annotationId: thread.id, parentId: thread.root, authorId: author.id, body: `Reply ${i}: =SUM(A1) is not a formula here; I read it differently.`, tags: [], createdAt: at });
    }
  }
  await db.annotation.createMany({ data: annotations });
  for (let i = 0; i < rows.length; i += 1000) await db.comment.createMany({ data: rows.slice(i, i + 1000) });
  return { roomId, userId: users[0]!.id };
}

/**
 * One export as the route makes it; the bytes are counted, not kept, as a client reading the stream would. With
 * `memory`, the heap is measured after a collection every 50 chunks (what the export keeps alive, not the garbage
 * it has not yet freed); that run is not timed.
 */
async function exportOnce(db: Db, room: { roomId: string; userId: string }, format: ExportFormat, memory = false) {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = () => {
    if (memory) gc?.();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const t0 = performance.now();
  const discussion = await openDiscussion(db, { roomId: room.roomId, userId: room.userId, sourceUrl: "https://gloss.example/seminars/s/essays/e" });
  let bytes = 0;
  let n = 0;
  // Sampled every 50 chunks: a page of rows is 500 annotations, so every page is seen.
  for await (const chunk of renderExport(discussion, format).chunks) {
    bytes += Buffer.byteLength(chunk);
    if (memory && ++n % 50 === 0) sample();
  }
  sample();
  return { ms: performance.now() - t0, bytes, heldMb: (peak - before) / 1024 / 1024 };
}

const database = await benchDatabase();
const db = createDb(database.url);
try {
  await seedDatabase(db);
  if (!gc) console.log("(run with node --expose-gc for steadier memory figures: npm run bench:export does)");
  console.log(`${RUNS} timed runs per figure after one warm-up (the median); then one run for memory: the most the export kept alive at once`);
  for (const size of SIZES) {
    const room = await seedRoom(db, size);
    for (const format of ["csv", "jsonld"] as const) {
      await exportOnce(db, room, format);
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await exportOnce(db, room, format));
      const median = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
      const held = (await exportOnce(db, room, format, true)).heldMb;
      console.log(`  ${String(size).padStart(6)} comments  ${format.padEnd(6)}  ${median.toFixed(0).padStart(5)} ms   ${(runs[0]!.bytes / 1024 / 1024).toFixed(1).padStart(5)} MB out   ${held.toFixed(1).padStart(5)} MB heap held`);
    }
  }
} finally {
  await db.$disconnect();
  await database.close();
}

/**
 * A busy seminar through five kill -9s of the websocket server. Twenty readers, each in the page's own client
 * (tests/helpers/room-client.ts), write 300 notes each at a steady pace while the server process is killed at
 * random moments and started again on the same port; the clients find it again on their own. Afterwards
 * nothing anyone saw may be missing from PostgreSQL, nothing may be doubled, every reader's page must show
 * what the database holds, and no page may have been told to give up (a final close).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { ANNOTATIONS, roomIdFor } from "../lib/doc/layout";
import { isFinalClose } from "../lib/live/wire";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { differences, notesIn, writeNote, type Paragraph, type WrittenNote } from "../tests/helpers/notes";
import { randomFrom, seededRandom } from "../tests/helpers/random";
import { openRoomAs, type RoomClient } from "../tests/helpers/room-client";
import { killHard, startServerProcess, type ServerProcess } from "../tests/helpers/server-process";
import { createUser } from "../tests/helpers/users";
import { serverLog, sleep, spread, until, watchHealth } from "../tests/helpers/watch";
import { loadRoomDocument } from "./persistence";

const WRITERS = 20;
const NOTES_EACH = 300;
const KILLS = 5;
/** Each reader writes a note every PACE_MS: 20 readers make 200 notes a second, a seminar at its busiest. */
const PACE_MS = 100;

let database: TestDatabase;
let server: ServerProcess | undefined;
const clients: RoomClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  clients.forEach((client) => client.destroy());
  if (server) await killHard(server);
  await database.drop();
});

function repeated(values: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) (seen.has(value) ? twice : seen).add(value);
  return twice;
}

it("keeps every note anyone saw, once, through five kill -9s of the server", async () => {
  const random = seededRandom("write storm");
  const essay = await database.db.essay.findFirstOrThrow({
    include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } },
  });
  const paragraphs: Paragraph[] = essay.paragraphs;
  const roomId = roomIdFor(essay.id, null);
  const users = await Promise.all(Array.from({ length: WRITERS }, (_, i) => createUser(database.db, `Writer ${i}`)));

  // Every page's y-websocket provider listens for the process's exit; twenty pages are not a leak.
  process.setMaxListeners(WRITERS + 10);
  server = await startServerProcess(database.url);
  const servers = [server];
  const { port, origin } = server;
  for (const user of users) clients.push(await openRoomAs({ origin, roomId, user }));
  await Promise.all(clients.map((client) => client.waitForSync(30_000)));

  // Not asserted (speed belongs in bench/), but printed: how long a page waits for its room after reconnecting,
  // and how long the server takes to answer a health request while it works.
  const resyncMs: number[] = [];
  for (const client of clients) {
    let connectedAt = 0;
    client.provider.on("status", ({ status }) => {
      if (status === "connected") connectedAt = Date.now();
    });
    client.provider.on("sync", (synced) => {
      if (synced && connectedAt) resyncMs.push(Date.now() - connectedAt);
    });
  }
  const health = watchHealth(() => server!.origin);

  const written: WrittenNote[] = [];
  const startedAt = Date.now();
  const storm = NOTES_EACH * PACE_MS;
  const writers = clients.map(async (client, w) => {
    // Each writer draws from its own stream, so its moves do not depend on how the others interleave.
    const mine = randomFrom(random.int(0, 2 ** 32 - 1));
    const offset = mine.int(0, PACE_MS - 1);
    for (let n = 0; n < NOTES_EACH; n++) {
      await sleep(startedAt + offset + n * PACE_MS - Date.now());
      // A page told to reload has stopped: its reader cannot go on writing there.
      if (client.finalClose()) return;
      written.push(writeNote(client, paragraphs, mine, `storm writer ${w} note ${n}`));
    }
  });

  const killAt = Array.from({ length: KILLS }, () => random.int(storm * 0.05, storm * 0.95)).sort((a, b) => a - b);
  const kills: string[] = [];
  for (const at of killAt) {
    await sleep(startedAt + at - Date.now());
    const killedAt = Date.now() - startedAt;
    await killHard(server);
    server = await startServerProcess(database.url, { port });
    servers.push(server);
    kills.push(`killed at ${killedAt} ms, listening again after ${Date.now() - startedAt - killedAt} ms`);
  }
  await Promise.all(writers);
  const wroteFor = Date.now() - startedAt;
  const answers = await health.stop();

  // Quiet: every page that is still live has its notes confirmed and holds what the others wrote.
  const live = () => clients.filter((client) => !client.finalClose());
  const settled = await until(() => live().every((client) => client.synced() && !client.unsaved()), 90_000);
  const freshDoc = new Y.Doc();
  await loadRoomDocument(database.db, roomId, [freshDoc]);
  // Pages may still be applying the last broadcasts; give them a moment to hold what the database holds.
  const stored = notesIn(freshDoc);
  await until(() => live().every((client) => client.doc.getMap(ANNOTATIONS).size >= stored.annotationIds.length), 30_000);

  const storedIds = new Set(stored.annotationIds);
  const byId = new Map(written.map((note) => [note.annotationId, note]));
  const describe = (id: string) => byId.get(id)?.mark ?? id;

  const seenByOthersButLost = new Set<string>();
  for (const client of clients) {
    const { annotationIds, authorOf } = notesIn(client.doc);
    for (const id of annotationIds) {
      if (authorOf.get(id) !== client.user.id && !storedIds.has(id)) seenByOthersButLost.add(describe(id));
    }
  }
  const confirmedButLost = written
    .filter((note) => clients.find((c) => c.user.id === note.authorId)!.savedClock() >= note.clock)
    .filter((note) => !storedIds.has(note.annotationId))
    .map((note) => note.mark);
  const diverged = clients.flatMap((client, w) =>
    differences(client.doc, freshDoc, [`writer ${w}'s page`, "PostgreSQL"]).map((line) => `writer ${w}: ${line}`),
  );
  const doubled = [...repeated(stored.annotationIds)].map(describe).concat([...repeated(stored.marks)]);
  const finalCloses = clients.flatMap((client, w) =>
    client.closeCodes.filter(isFinalClose).map((code) => `writer ${w} closed with ${code}: ${client.finalClose()?.message ?? ""}`),
  );

  const closes = new Map<number, number>();
  clients.forEach((client) => client.closeCodes.forEach((code) => closes.set(code, (closes.get(code) ?? 0) + 1)));
  console.log(
    [
      `write storm: ${written.length} notes written in ${wroteFor} ms by ${WRITERS} writers; ${storedIds.size} in PostgreSQL`,
      ...kills,
      `close codes received: ${[...closes].map(([code, n]) => `${code} x${n}`).join(", ") || "none"}`,
      `quiet reached: ${settled ? "yes" : "no (gave up after 90 s)"}; pages given up: ${clients.length - live().length}`,
      `reconnected page to synced page, ms: ${spread(resyncMs)}`,
      `health answers during the storm, as this busy process saw them, ms: ${spread(answers.ms)}; unanswered (mostly while restarting): ${answers.failed}`,
      "what the servers logged:",
      ...serverLog(servers),
    ].join("\n  "),
  );

  expect.soft([...seenByOthersButLost], "notes another reader received that PostgreSQL lost").toEqual([]);
  expect.soft(confirmedButLost, "notes their writer saw saved that PostgreSQL lost").toEqual([]);
  expect.soft(diverged, "pages that differ from a fresh load of PostgreSQL").toEqual([]);
  expect.soft(doubled, "notes stored twice").toEqual([]);
  expect.soft(finalCloses, "pages told to give up (final close)").toEqual([]);
  expect.soft(storedIds.size, "notes in PostgreSQL").toBe(written.length);
});

/**
 * PostgreSQL stops while a seminar is writing, then comes back. The server cannot store anything meanwhile, so
 * no reader's page may say "All changes saved" for what was written during the outage; pages whose network drops
 * meanwhile try to come back to a server that cannot check their session, and must not be told to give up.
 * Once the database is back, everything written is stored and confirmed, and every page matches it.
 * The database is this test's own (tests/helpers/restartable-postgres.ts), so stopping it disturbs no other test.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { createDb } from "../lib/db/client.server";
import { roomIdFor } from "../lib/doc/layout";
import { isFinalClose } from "../lib/live/wire";
import { differences, notesIn, writeNote, type Paragraph, type WrittenNote } from "../tests/helpers/notes";
import { randomFrom, seededRandom } from "../tests/helpers/random";
import { startRestartablePostgres, type RestartablePostgres } from "../tests/helpers/restartable-postgres";
import { openRoomAs, type RoomClient } from "../tests/helpers/room-client";
import { killHard, startServerProcess, type ServerProcess } from "../tests/helpers/server-process";
import { createUser } from "../tests/helpers/users";
import { serverLog, sleep, until } from "../tests/helpers/watch";
import { loadRoomDocument } from "./persistence";

const WRITERS = 6;
const PACE_MS = 150;
const UP_BEFORE_MS = 3000;
const DOWN_MS = 6000;
const UP_AFTER_MS = 3000;

let postgres: RestartablePostgres;
let server: ServerProcess | undefined;
const clients: RoomClient[] = [];

beforeAll(async () => {
  postgres = await startRestartablePostgres();
});

afterAll(async () => {
  clients.forEach((client) => client.destroy());
  if (server) await killHard(server);
  await postgres.remove();
});

it("says 'not saved' while PostgreSQL is down, gives up on no page, and stores everything once it is back", async () => {
  const random = seededRandom("postgres restart");
  // The test's own database client is closed before the outage and made anew after it.
  let db = createDb(postgres.url);
  const essay = await db.essay.findFirstOrThrow({
    include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } },
  });
  const paragraphs: Paragraph[] = essay.paragraphs;
  const roomId = roomIdFor(essay.id, null);
  const users = await Promise.all(Array.from({ length: WRITERS }, (_, i) => createUser(db, `Writer ${i}`)));
  await db.$disconnect();

  server = await startServerProcess(postgres.url);
  for (const user of users) clients.push(await openRoomAs({ origin: server.origin, roomId, user }));
  await Promise.all(clients.map((client) => client.waitForSync(30_000)));

  const written: WrittenNote[] = [];
  let writing = true;
  const startedAt = Date.now();
  const writers = clients.map(async (client, w) => {
    const mine = randomFrom(random.int(0, 2 ** 32 - 1));
    const offset = mine.int(0, PACE_MS - 1);
    for (let n = 0; writing; n++) {
      await sleep(startedAt + offset + n * PACE_MS - Date.now());
      if (!writing || client.finalClose()) return;
      written.push(writeNote(client, paragraphs, mine, `outage writer ${w} note ${n}`));
    }
  });

  await sleep(UP_BEFORE_MS);
  await postgres.stop();
  // From here until the restart nothing can be stored: whatever is written now must stay "not saved".
  const downAt = Date.now();
  const clockAtDown = clients.map((client) => client.ownClock());
  // Two readers' networks drop: their pages come back to a server that cannot check their sessions.
  clients[0]!.dropConnection();
  clients[1]!.dropConnection();
  await sleep(DOWN_MS);
  const unsavedBeforeRestart = clients.map((client) => client.unsaved());
  const upAt = Date.now();
  await postgres.start();
  await sleep(UP_AFTER_MS);
  writing = false;
  await Promise.all(writers);

  const live = () => clients.filter((client) => !client.finalClose());
  const settled = await until(() => live().every((client) => client.synced() && !client.unsaved()), 60_000);
  db = createDb(postgres.url);
  const fresh = new Y.Doc();
  await loadRoomDocument(db, roomId, [fresh]);
  await db.$disconnect();
  const storedIds = new Set(notesIn(fresh).annotationIds);

  const confirmedDuringOutage = clients.flatMap((client, w) =>
    client.confirmations
      .filter(({ at, clock }) => at >= downAt && at < upAt && clock > clockAtDown[w]!)
      .map(({ at, clock }) => `writer ${w}: "All changes saved" ${at - downAt} ms into the outage, up to clock ${clock} (${clockAtDown[w]} at its start)`),
  );
  const wroteDuringOutage = clients.map((client) =>
    written.some((note) => note.authorId === client.user.id && note.at >= downAt && note.at < upAt),
  );
  const savedLookingPages = clients
    .map((_, w) => w)
    .filter((w) => wroteDuringOutage[w] && !unsavedBeforeRestart[w])
    .map((w) => `writer ${w}`);
  const finalCloses = clients.flatMap((client, w) =>
    client.closeCodes.filter(isFinalClose).map((code) => `writer ${w} closed with ${code}: ${client.finalClose()?.message ?? ""}`),
  );
  const lost = clients
    .map((client, w) => [w, written.filter((note) => note.authorId === client.user.id && !storedIds.has(note.annotationId))] as const)
    .filter(([, notes]) => notes.length > 0)
    .map(([w, notes]) => `writer ${w}: ${notes.length} notes, "${notes[0]!.mark}" to "${notes.at(-1)!.mark}"`);
  const stillUnsaved = clients.map((client, w) => (client.unsaved() ? `writer ${w}` : null)).filter(Boolean);
  const diverged = clients.flatMap((client, w) =>
    differences(client.doc, fresh, [`writer ${w}'s page`, "PostgreSQL"]).map((line) => `writer ${w}: ${line}`),
  );

  console.log(
    [
      `postgres restart: ${written.length} notes written, ${written.filter((n) => n.at >= downAt && n.at < upAt).length} of them during the ${upAt - downAt} ms outage; ${storedIds.size} in PostgreSQL`,
      `close codes received: ${clients.map((client, w) => `writer ${w}: ${client.closeCodes.join(" ") || "none"}`).join("; ")}`,
      `quiet reached: ${settled ? "yes" : "no (gave up after 60 s)"}`,
      `server process: ${server.child.exitCode === null ? "running" : `exited with ${server.child.exitCode}`}`,
      "what the server logged:",
      ...serverLog([server]),
    ].join("\n  "),
  );

  expect.soft(server.child.exitCode, "the server process exited").toBeNull();
  expect.soft(confirmedDuringOutage, "pages that said saved while nothing could be stored").toEqual([]);
  expect.soft(savedLookingPages, "pages that wrote during the outage yet did not say 'not saved'").toEqual([]);
  expect.soft(finalCloses, "pages told to give up (final close)").toEqual([]);
  expect.soft(lost, "notes PostgreSQL does not have after it came back").toEqual([]);
  expect.soft(stillUnsaved, "pages still saying 'not saved' after the database came back").toEqual([]);
  expect.soft(diverged, "pages that differ from a fresh load of PostgreSQL").toEqual([]);
});

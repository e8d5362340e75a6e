/**
 * Ten thousand hostile frames against a real server process (tests/helpers/hostile-frames.ts), from several
 * connections at once. Whatever a connection sends, the server must keep running and answering, close only that
 * connection, and leave every other room alone: a witness keeps writing in a room of its own throughout, and its
 * room's document and log must hold exactly what the witness wrote. Each frame's time is printed, so a frame
 * that makes the server slow is found even when it does not break anything.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { privateRoomIdFor, roomIdFor } from "../lib/doc/layout";
import { CloseCode, MessageType, SyncStep } from "../lib/live/wire";
import { ensurePrivateRoom } from "../lib/rooms/ensure-private-room.server";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { hostileFrames, overlappingCollectedContent, syncMessage, type HostileFrame } from "../tests/helpers/hostile-frames";
import { differences, notesIn, writeNote, type Paragraph, type WrittenNote } from "../tests/helpers/notes";
import { randomFrom, seededRandom } from "../tests/helpers/random";
import { openRoomAs, type RoomClient } from "../tests/helpers/room-client";
import { killHard, startServerProcess, type ServerProcess } from "../tests/helpers/server-process";
import { createUser, sessionCookie } from "../tests/helpers/users";
import { serverLog, sleep, spread, until, watchHealth } from "../tests/helpers/watch";
import { connectClient, type TestClient } from "../tests/helpers/y-client";
import { loadRoomDocument } from "./persistence";
import { decodeClientMessage } from "./protocol";

const FRAMES = Number(process.env.FAULTS_FUZZ_FRAMES ?? 10_000);
const LANES = 8;
/** A frame the server has not answered (nor closed the connection for) after this long has hung it. */
const HUNG_MS = 20_000;
/** What the server answers a bad frame with: the frame was malformed, refused, or too big. */
const BAD_FRAME_CLOSES = new Set<number>([CloseCode.MalformedMessage, CloseCode.UpdateRefused, CloseCode.MessageTooBig]);

let database: TestDatabase;
let server: ServerProcess | undefined;
const pages: RoomClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServerProcess(database.url);
});

afterAll(async () => {
  pages.forEach((page) => page.destroy());
  if (server) await killHard(server);
  await database.drop();
});

type Outcome = { index: number; lane: number; kind: string; size: number; head: string; ms: number; result: string; frame: HostileFrame };

/** The sync step 2 answers a connection has received so far: one per sync step 1 it sent. */
const answers = (client: TestClient) => client.received.filter((frame) => frame[0] === MessageType.Sync && frame[1] === SyncStep.Step2).length;

/** Resolves when `done` holds after a frame arrives or the socket closes, or after `ms`. */
function whenAnswered(client: TestClient, done: () => boolean, ms: number): Promise<"answered" | "closed" | "no answer"> {
  return new Promise((resolve) => {
    const finish = (result: "answered" | "closed" | "no answer") => {
      clearTimeout(timer);
      client.ws.off("message", onMessage);
      client.ws.off("close", onClose);
      resolve(result);
    };
    const onMessage = () => setImmediate(() => done() && finish("answered"));
    const onClose = () => finish("closed");
    const timer = setTimeout(() => finish("no answer"), ms);
    client.ws.on("message", onMessage);
    client.ws.on("close", onClose);
    if (client.ws.readyState >= client.ws.CLOSING) finish("closed");
    else if (done()) finish("answered");
  });
}

const bytesOf = (frame: HostileFrame) => (typeof frame.bytes === "string" ? new TextEncoder().encode(frame.bytes) : frame.bytes);

/**
 * Sends one frame, then a probe (a sync step 1): messages are handled in order, so the probe's answer means the
 * frame was handled too. The result is "answered", "closed <code>", or "no answer" (the socket is then dropped).
 */
async function sendAndProbe(client: TestClient, frame: HostileFrame): Promise<{ ms: number; result: string }> {
  let expected = answers(client) + 1;
  try {
    if (decodeClientMessage(bytesOf(frame)).type === "sync-step-1") expected++;
  } catch {
    // The server will close the connection for it.
  }
  const started = Date.now();
  client.sendRaw(frame.bytes);
  client.sendRaw(syncMessage(SyncStep.Step1, Y.encodeStateVector(client.doc)));
  const result = await whenAnswered(client, () => answers(client) >= expected, HUNG_MS);
  const ms = Date.now() - started;
  if (result === "no answer") client.ws.terminate();
  return { ms, result: result === "closed" ? `closed ${(await client.closed).code}` : result };
}

it("survives ten thousand hostile frames, closing only the connections that sent them", async () => {
  const random = seededRandom("fuzz");
  const essay = await database.db.essay.findFirstOrThrow({
    include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } },
  });
  const paragraphs: Paragraph[] = essay.paragraphs;
  const fuzzRoom = roomIdFor(essay.id, null);
  const senders = await Promise.all(Array.from({ length: LANES }, (_, i) => createUser(database.db, `Fuzzer ${i}`)));
  const bystanderUser = await createUser(database.db, "Bystander");
  const witnessUser = await createUser(database.db, "Witness");
  const witnessRoom = await ensurePrivateRoom(database.db, essay.id, witnessUser.id);
  expect(witnessRoom).toBe(privateRoomIdFor(essay.id, witnessUser.id));

  const { origin, port } = server!;
  const url = (roomId: string) => `ws://127.0.0.1:${port}/ws/${roomId}`;
  const witness = await openRoomAs({ origin, roomId: witnessRoom, user: witnessUser });
  // The same reader's second tab: it must keep receiving the witness's notes while the fuzz runs.
  const witnessTab = await openRoomAs({ origin, roomId: witnessRoom, user: witnessUser });
  const bystander = await openRoomAs({ origin, roomId: fuzzRoom, user: bystanderUser });
  pages.push(witness, witnessTab, bystander);
  await Promise.all(pages.map((page) => page.waitForSync(30_000)));

  // Built before anything is watched: making the frames keeps this process busy for a moment.
  const plans = senders.map((sender) => {
    const mine = randomFrom(random.int(0, 2 ** 32 - 1));
    return hostileFrames(mine, Math.ceil(FRAMES / LANES), { writer: sender, paragraphs });
  });
  const health = watchHealth(() => origin);
  const running = server!;
  let fuzzing = true;
  const witnessNotes: WrittenNote[] = [];
  const witnessWriting = (async () => {
    const mine = randomFrom(random.int(0, 2 ** 32 - 1));
    for (let n = 0; fuzzing; n++) {
      witnessNotes.push(writeNote(witness, paragraphs, mine, `witness note ${n}`));
      await sleep(300);
    }
  })();

  const outcomes: Outcome[] = [];
  const startedAt = Date.now();
  const lanes = senders.map(async (sender, lane) => {
    const frames = plans[lane]!;
    const cookie = await sessionCookie(sender.id);
    let client: TestClient | null = null;
    const connect = async () => {
      for (let attempt = 1; ; attempt++) {
        const next = connectClient(url(fuzzRoom), { cookie, origin });
        const joined = await Promise.race([next.synced.then(() => true), next.closed.then(() => false), sleep(HUNG_MS).then(() => false)]);
        if (joined) return next;
        next.ws.terminate();
        if (attempt === 5) throw new Error(`fuzz connection ${lane} could not join the room 5 times in a row`);
      }
    };
    for (const [i, frame] of frames.entries()) {
      if (!client || client.ws.readyState !== client.ws.OPEN) client = await connect();
      const { ms, result } = await sendAndProbe(client, frame);
      const bytes = bytesOf(frame);
      outcomes.push({ index: i, lane, kind: frame.kind, size: bytes.length, head: Buffer.from(bytes.slice(0, 24)).toString("hex"), ms, result, frame });
    }
    client?.ws.terminate();
  });
  await Promise.all(lanes);
  const fuzzedFor = Date.now() - startedAt;
  fuzzing = false;
  await witnessWriting;
  const healthAnswers = await health.stop();

  // Quiet: the witness's notes are confirmed and its other tab has them.
  await until(() => !witness.unsaved() && witnessTab.doc.getMap("annotations").size === witnessNotes.length, 30_000);
  const witnessStored = new Y.Doc();
  await loadRoomDocument(database.db, witnessRoom, [witnessStored]);
  const fuzzStored = new Y.Doc();
  await loadRoomDocument(database.db, fuzzRoom, [fuzzStored]);
  await until(() => differences(bystander.doc, fuzzStored, ["", ""]).length === 0, 10_000);
  const witnessLog = await database.db.roomUpdate.findMany({ where: { roomId: witnessRoom }, select: { data: true } });
  const foreignInWitnessLog = witnessLog.flatMap(({ data }) => {
    const { structs, ds } = Y.decodeUpdate(data);
    const clients = [...structs.map((s) => s.id.client), ...(ds as unknown as { clients: Map<number, unknown> }).clients.keys()];
    return clients.filter((client) => client !== witness.doc.clientID);
  });

  // A frame's time in the fuzz includes whatever the other connections' frames cost the one-threaded server; the
  // slowest are sent again one at a time, on a fresh connection to a quiet server, for their own cost.
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).filter((o, i, all) => all.findIndex((x) => x.kind === o.kind) === i).slice(0, 12);
  const alone = new Map<Outcome, string>();
  for (const outcome of slowest) {
    const client = connectClient(url(fuzzRoom), { cookie: await sessionCookie(senders[outcome.lane]!.id), origin });
    await Promise.race([client.synced, client.closed]);
    const { ms, result } = await sendAndProbe(client, outcome.frame);
    alone.set(outcome, `${ms} ms alone, ${result}`);
    client.ws.terminate();
  }
  const report = path.join(tmpdir(), `gloss-fuzz-${random.seed}.json`);
  writeFileSync(report, JSON.stringify(outcomes.map(({ frame: _frame, ...rest }) => rest)));

  const byResult = new Map<string, number>();
  outcomes.forEach(({ result }) => byResult.set(result, (byResult.get(result) ?? 0) + 1));
  const describe = (o: Outcome) =>
    `${o.ms} ms${alone.has(o) ? ` (${alone.get(o)})` : ""}, ${o.result}: "${o.kind}" (${o.size} bytes, lane ${o.lane} frame ${o.index}, starts ${o.head})`;
  const hung = outcomes.filter((o) => o.result === "no answer").map(describe);
  const serverErrors = outcomes.filter((o) => o.result.startsWith("closed") && !BAD_FRAME_CLOSES.has(Number(o.result.slice(7))));
  const serverErrorKinds = new Map<string, number>();
  serverErrors.forEach((o) => serverErrorKinds.set(`${o.result}: ${o.kind}`, (serverErrorKinds.get(`${o.result}: ${o.kind}`) ?? 0) + 1));

  console.log(
    [
      `fuzz: ${outcomes.length} frames from ${LANES} connections in ${fuzzedFor} ms (${Math.round(outcomes.length / (fuzzedFor / 1000))} frames/s, reconnects included)`,
      `outcomes: ${[...byResult].map(([result, n]) => `${result} x${n}`).join(", ")}`,
      `time per frame, ms: ${spread(outcomes.map((o) => o.ms))}`,
      `every frame's outcome: ${report}`,
      "slowest kinds of frame (time in the fuzz, then sent again alone):",
      ...slowest.map(describe),
      `crafted frames the server took without closing: ${[...new Set(outcomes.filter((o) => o.result === "answered" && !/random|truncated|flipped|overwritten|inserted|repeated|^valid/.test(o.kind)).map((o) => o.kind))].join("; ") || "none"}`,
      `closes other than malformed/refused/too big: ${[...serverErrorKinds].map(([k, n]) => `${k} x${n}`).join("; ") || "none"}`,
      `health answers as this process saw them, ms: ${spread(healthAnswers.ms)}; unanswered: ${healthAnswers.failed}`,
      `witness: ${witnessNotes.length} notes written, ${witness.confirmations.length} "saved" moments; fuzz room now holds ${notesIn(fuzzStored).annotationIds.length} annotations`,
      `server process: ${running.child.exitCode === null ? "running" : `exited with ${running.child.exitCode}`}`,
      "what the server logged:",
      ...serverLog([running]).slice(0, 40),
    ].join("\n  "),
  );

  expect.soft(running.child.exitCode, "the server process exited").toBeNull();
  expect.soft(healthAnswers.failures, "health requests the server did not answer").toEqual([]);
  expect.soft(hung, "frames the server never answered").toEqual([]);
  expect.soft([...serverErrorKinds.keys()], "bad frames answered as a server failure rather than a bad frame").toEqual([]);
  expect.soft([...witness.closeCodes, ...witnessTab.closeCodes], "closes of the witness's pages").toEqual([]);
  expect.soft(bystander.closeCodes, "closes of a reader in the fuzzed room").toEqual([]);
  expect.soft(witness.unsaved(), "the witness still has unsaved notes").toBe(false);
  expect.soft(notesIn(witnessStored).marks.sort(), "the witness room's stored notes").toEqual(witnessNotes.map((n) => n.mark).sort());
  expect.soft(differences(witness.doc, witnessStored, ["the witness's page", "PostgreSQL"]), "witness page vs database").toEqual([]);
  expect.soft(differences(witnessTab.doc, witnessStored, ["the witness's other tab", "PostgreSQL"]), "witness tab vs database").toEqual([]);
  expect.soft(foreignInWitnessLog, "log entries in the witness's room from anyone but the witness").toEqual([]);
  expect.soft(differences(bystander.doc, fuzzStored, ["the bystander's page", "PostgreSQL"]), "fuzzed room page vs database").toEqual([]);
});

it("refuses an entry that overlaps content the server has garbage-collected as a bad update, not a server failure", async () => {
  // Found by the fuzz: Yjs throws a TypeError applying the second update, and the server closed with 1011
  // (a server error: "reconnect"), so a client holding that update would send it again on every reconnect.
  const essay = await database.db.essay.findFirstOrThrow();
  const sender = await createUser(database.db, "Overlapper");
  const client = connectClient(`ws://127.0.0.1:${server!.port}/ws/${roomIdFor(essay.id, null)}`, {
    cookie: await sessionCookie(sender.id),
    origin: server!.origin,
  });
  await client.synced;
  const [collected, overlapping] = overlappingCollectedContent(sender.id, 2_000_000_001);
  client.sendRaw(collected);
  client.sendRaw(overlapping);
  expect((await client.closed).code).toBe(CloseCode.UpdateRefused);
  const health = await fetch(`${server!.origin}/api/health`);
  expect(health.ok).toBe(true);
});

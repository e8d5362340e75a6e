/**
 * A worker thread holding a share of a scenario's clients (reader-threads.ts starts it): it opens them, and
 * once told to start, has each do what its job says (only read, write a note a second, move between
 * paragraphs) until told to stop. Everything it sees goes back as reports of keys and times on the shared clock,
 * a few times a second rather than per frame, so the main thread's writer is not kept busy by the readers.
 * Readers are light (light-client.ts) where their job says so; at the stop, the full ones' documents are
 * checked for every note the scenario's writer was to send.
 */
import { parentPort, workerData } from "node:worker_threads";
import * as Y from "yjs";
import { ANNOTATIONS } from "../../../lib/doc/layout";
import { connectBenchClient } from "../client";
import { closeAll, withDeadline } from "../client-pool";
import { now } from "../clock";
import { connectLightClient } from "../light-client";
import { writeNote } from "../notes";
import { PresenceReader } from "../presence-reader";
import type { RoomClient } from "../room-socket";
import { WIRES } from "../wire";
import type { ClientJob, FromThread, FullCheck, ThreadJob, ToThread } from "./thread-job";

const REPORT_EVERY_MS = 100;

const job = workerData as ThreadJob;
const wire = WIRES[job.wire];
const port = parentPort!;
const post = (message: FromThread) => port.postMessage(message);

let started = false;
let counting = false;
let report = emptyReport();
const timers = new Set<NodeJS.Timeout>();

// Arrivals count from the start on, the tail after the stop included; what came before is the joins' own traffic.
const arrived = (key: string, at: number, group: number) => {
  if (!started) return;
  report.arrivedKeys.push(key);
  report.arrivedAt.push(at);
  report.arrivedGroups.push(group);
};
const sent = (key: string, at: number) => {
  report.sentKeys.push(key);
  report.sentAt.push(at);
};

/** `doc`: a full client's document (writers and checked readers); light readers have none. */
type Member = Pick<ClientJob, "act" | "person"> & { client: RoomClient; doc?: Y.Doc; presence?: PresenceReader };
const members: Member[] = [];

try {
  let synced = 0;
  for (let i = 0; i < job.clients.length; i += job.parallel) {
    const batch = job.clients.slice(i, i + job.parallel).map(({ url, room, person, act, group = 0, light = false }) => {
      const member: Member = { act, person, client: undefined! };
      const common = {
        url,
        room,
        wire,
        origin: job.origin,
        cookie: person.cookie,
        onAnnotation: (key: string, at: number) => arrived(key, at, group),
        onAwareness:
          act === "presence"
            ? (update: Uint8Array, at: number, bytes: number) => {
                if (counting) (report.presenceFrames++, (report.presenceBytes += bytes));
                for (const key of member.presence!.receive(update)) arrived(key, at, group);
              }
            : undefined,
      };
      if (light && act !== "notes") member.client = connectLightClient({ ...common, keys: job.keys });
      else {
        const full = connectBenchClient(common);
        member.client = full;
        member.doc = full.doc;
      }
      if (act === "presence") member.presence = new PresenceReader(member.client, person, job.echoPresence);
      return member;
    });
    members.push(...batch);
    const deadline = Date.now() + 60_000;
    const results = await Promise.allSettled(batch.map((m) => withDeadline(m.client.synced, deadline)));
    synced += results.filter((r) => r.status === "fulfilled").length;
  }
  // As the page does on opening: say where one is reading, before anything is timed.
  for (const member of members) member.presence?.move(randomParagraph(null));
  post({ type: "opened", synced });
} catch (error) {
  post({ type: "failed", message: (error as Error).message });
}

const reporter = setInterval(flush, REPORT_EVERY_MS);

port.on("message", async (message: ToThread) => {
  if (message.type === "start") {
    started = counting = true;
    for (const member of members) act(member);
  } else if (message.type === "stop") {
    counting = false;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    flush();
    post({ type: "stopped", ...checkFullReaders() });
  } else if (message.type === "close") {
    clearInterval(reporter);
    await closeAll(members.map((m) => m.client));
    flush();
    post({ type: "closed" });
  }
});

/** Keeps `member` acting on its own schedule, which starts at a random point so the room's writes are spread out. */
function act(member: Member) {
  if (member.act === "notes") {
    const start = now() + Math.random() * job.noteEveryMs;
    let i = 0;
    const next = () => {
      // On a schedule from the start, not from the last write, so a late timer does not lower the rate.
      const timer = setTimeout(() => {
        timers.delete(timer);
        const at = now();
        sent(writeNote(member.doc!, member.person, job.paragraphs, i++), at);
        next();
      }, Math.max(0, start + i * job.noteEveryMs - now()));
      timers.add(timer);
    };
    next();
  } else if (member.act === "presence") {
    const [least, most] = job.presenceEveryMs;
    let reading: string | null = null;
    const next = () => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        reading = randomParagraph(reading);
        const at = now();
        sent(member.presence!.move(reading), at);
        next();
      }, least + Math.random() * (most - least));
      timers.add(timer);
    };
    next();
  }
}

/** Whether the full readers' documents hold every key the scenario's writer was to send (writers not counted). */
function checkFullReaders(): FullCheck {
  const readers = job.keys.length === 0 ? [] : members.filter((m) => m.act !== "notes" && m.doc);
  let missing = 0;
  for (const { doc } of readers) {
    const annotations = doc!.getMap(ANNOTATIONS);
    for (const key of job.keys) if (!annotations.has(key)) missing++;
  }
  return { fullReaders: readers.length, missing };
}

/** Another paragraph than `not`, as a reader scrolling on would reach. */
function randomParagraph(not: string | null): string {
  const others = job.paragraphs.filter((p) => p.id !== not);
  return others[Math.floor(Math.random() * others.length)]!.id;
}

function flush() {
  if (report.sentKeys.length + report.arrivedKeys.length === 0 && report.presenceFrames === 0) return;
  post(report);
  report = emptyReport();
}

function emptyReport(): FromThread & { type: "report" } {
  return { type: "report", sentKeys: [], sentAt: [], arrivedKeys: [], arrivedAt: [], arrivedGroups: [], presenceFrames: 0, presenceBytes: 0 };
}

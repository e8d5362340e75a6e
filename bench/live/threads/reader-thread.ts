/**
 * A worker thread holding a share of a scenario's clients (reader-threads.ts starts it): it opens them, and
 * once told to start, has each do what its job says (only read, write a note a second, move between
 * paragraphs) until told to stop. Everything it sees goes back as reports of keys and times on the shared clock,
 * a few times a second rather than per frame, so the main thread's writer is not kept busy by the readers.
 */
import { parentPort, workerData } from "node:worker_threads";
import { connectBenchClient, type BenchClient } from "../client";
import { closeAll, withDeadline } from "../client-pool";
import { now } from "../clock";
import { writeNote } from "../notes";
import { PresenceReader } from "../presence-reader";
import { WIRES } from "../wire";
import type { ClientJob, FromThread, ThreadJob, ToThread } from "./thread-job";

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

type Member = Pick<ClientJob, "act" | "person"> & { client: BenchClient; presence?: PresenceReader };
const members: Member[] = [];

try {
  let synced = 0;
  for (let i = 0; i < job.clients.length; i += job.parallel) {
    const batch = job.clients.slice(i, i + job.parallel).map(({ url, room, person, act, group = 0 }) => {
      const member: Member = { act, person, client: undefined! };
      member.client = connectBenchClient({
        url,
        room,
        wire,
        origin: job.origin,
        cookie: person.cookie,
        onAnnotation: (key, at) => arrived(key, at, group),
        onAwareness:
          act === "presence"
            ? (update, at, bytes) => {
                if (counting) (report.presenceFrames++, (report.presenceBytes += bytes));
                for (const key of member.presence!.receive(update)) arrived(key, at, group);
              }
            : undefined,
      });
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
    post({ type: "stopped" });
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
        sent(writeNote(member.client.doc, member.person, job.paragraphs, i++), at);
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

/**
 * Gloss under test: its websocket server in a child process on the benchmark's own database, or several such
 * processes of one site sharing that database and a Redis for their fan-out. Each room is a fresh seminar's
 * layer on the seed essay, its people real accounts (the first the instructor, the rest students) seeded with
 * lib/ functions, each with a session cookie as a browser would send it.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Db } from "../../../lib/db/client.server";
import { roomIdFor } from "../../../lib/doc/layout";
import { WS_PATH_PREFIX } from "../../../lib/live/wire";
import { addEssay } from "../../../lib/seminars/add-essay.server";
import { createSeminar } from "../../../lib/seminars/create-seminar.server";
import { sessionCookie, TEST_SECRET } from "../../../tests/helpers/users";
import { plainWire } from "../wire";
import type { BenchServer, Person } from "./bench-server";
import { startChild, type Child } from "./child-process";

export type GlossSetup = { db: Db; databaseUrl: string; essayId: string };

/**
 * The one origin of a site served by several instances, as a proxy in front of them would present it; each
 * instance is told to accept it, since none of them is that host itself.
 */
const SITE_ORIGIN = "http://gloss-bench.localhost";

export function startGlossServer(setup: GlossSetup): Promise<BenchServer> {
  return startGlossServers(setup, 1);
}

/** `instances` processes; with more than one they fan out through `redisUrl`. */
export async function startGlossServers({ db, databaseUrl, essayId }: GlossSetup, instances: number, redisUrl = ""): Promise<BenchServer> {
  const root = path.resolve(import.meta.dirname, "../../..");
  const several = instances > 1;
  const children: Child[] = [];
  try {
    for (let i = 0; i < instances; i++) {
      children.push(
        await startChild(process.execPath, [...profileArgs(), "--import", "tsx", "bench/live/servers/gloss-launcher.ts"], {
          cwd: root,
          // Set even when empty, so a REDIS_URL in the harness's own environment does not reach a single instance.
          env: { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: TEST_SECRET, NODE_ENV: "production", REDIS_URL: several ? redisUrl : "", GLOSS_ALLOWED_ORIGINS: several ? SITE_ORIGIN : "" },
        }),
      );
    }
  } catch (error) {
    await Promise.all(children.map((child) => child.stop()));
    throw error;
  }
  let seminars = 0;
  return {
    name: several ? `Gloss ×${instances}` : "Gloss",
    wire: plainWire,
    origin: several ? SITE_ORIGIN : `http://127.0.0.1:${children[0]!.port}`,
    async room(count) {
      const n = ++seminars;
      const people: Person[] = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), name: `Reader ${String(i + 1).padStart(4, "0")}` }));
      await db.user.createMany({ data: people.map((p) => ({ id: p.id, name: p.name, email: `bench-${p.id}@example.edu`, passwordHash: "-" })) });
      const seminar = await createSeminar(db, { name: `Bench seminar ${n}`, term: "Bench", instructorId: people[0]!.id });
      await db.membership.createMany({ data: people.slice(1).map((p) => ({ seminarId: seminar.id, userId: p.id, role: "student" as const })) });
      await addEssay(db, { seminarId: seminar.id, essayId, userId: people[0]!.id });
      for (const person of people) person.cookie = await sessionCookie(person.id);
      const id = roomIdFor(essayId, seminar.id);
      const urls = children.map((child) => `ws://127.0.0.1:${child.port}${WS_PATH_PREFIX}${encodeURIComponent(id)}`);
      return { id, url: urls[0]!, urls, people };
    },
    rssKb: () => children.reduce((sum, child) => sum + child.rssKb(), 0),
    cpuMs: () => children.reduce((sum, child) => sum + child.cpuMs(), 0),
    storedRows: async () => {
      // Ids only go up, and compaction deletes rows, so the highest id counts the rows ever written.
      const [row] = await db.$queryRaw<Array<{ max: bigint | null }>>`SELECT max(id) AS max FROM "RoomUpdate"`;
      return Number(row?.max ?? 0);
    },
    stop: async () => {
      await Promise.all(children.map((child) => child.stop()));
    },
  };
}

/**
 * GLOSS_PROF=<folder> writes a V8 CPU profile of each Gloss process into that folder when it stops (open it in
 * Chrome's DevTools): where the server's time goes, which bench/results.md's notes report.
 */
function profileArgs(): string[] {
  const folder = process.env.GLOSS_PROF;
  return folder ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(folder)}`] : [];
}

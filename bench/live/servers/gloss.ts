/**
 * Gloss under test: its websocket server in a child process on the benchmark's own database. Each room is a
 * fresh seminar's layer on the seed essay, its people real accounts (the first the instructor, the rest
 * students) seeded with lib/ functions, each with a session cookie as a browser would send it.
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
import { startChild } from "./child-process";

export async function startGlossServer({ db, databaseUrl, essayId }: { db: Db; databaseUrl: string; essayId: string }): Promise<BenchServer> {
  const root = path.resolve(import.meta.dirname, "../../..");
  const child = await startChild(process.execPath, ["--import", "tsx", "bench/live/servers/gloss-launcher.ts"], {
    cwd: root,
    env: { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: TEST_SECRET, NODE_ENV: "production" },
  });
  const origin = `http://127.0.0.1:${child.port}`;
  let seminars = 0;
  return {
    name: "Gloss",
    wire: plainWire,
    origin,
    async room(count) {
      const n = ++seminars;
      const people: Person[] = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), name: `Reader ${String(i + 1).padStart(4, "0")}` }));
      await db.user.createMany({ data: people.map((p) => ({ id: p.id, name: p.name, email: `bench-${p.id}@example.edu`, passwordHash: "-" })) });
      const seminar = await createSeminar(db, { name: `Bench seminar ${n}`, term: "Bench", instructorId: people[0]!.id });
      await db.membership.createMany({ data: people.slice(1).map((p) => ({ seminarId: seminar.id, userId: p.id, role: "student" as const })) });
      await addEssay(db, { seminarId: seminar.id, essayId, userId: people[0]!.id });
      for (const person of people) person.cookie = await sessionCookie(person.id);
      const id = roomIdFor(essayId, seminar.id);
      return { id, url: `ws://127.0.0.1:${child.port}${WS_PATH_PREFIX}${encodeURIComponent(id)}`, people };
    },
    rssKb: child.rssKb,
    cpuMs: child.cpuMs,
    storedRows: async () => {
      // Ids only go up, and compaction deletes rows, so the highest id counts the rows ever written.
      const [row] = await db.$queryRaw<Array<{ max: bigint | null }>>`SELECT max(id) AS max FROM "RoomUpdate"`;
      return Number(row?.max ?? 0);
    },
    stop: child.stop,
  };
}

/**
 * Scenario 5: a room already holding `annotations` highlights (written by ten readers who stay connected, so
 * the references, which keep nothing, keep the room too); readers then join one at a time, and each is timed
 * from its connection attempt to its applied sync step 2. The median of `joins`.
 */
import { connectBenchClient, type BenchClient } from "../client";
import { closeAll, openPool } from "../client-pool";
import { median } from "../latency";
import { addNote, type Paragraph } from "../notes";
import { now } from "../clock";
import type { BenchServer } from "../servers/bench-server";
import { sleep } from "../wait";
import { ANNOTATIONS } from "../../../lib/doc/layout";
import { ms, type Measured } from "./measured";

const SEEDERS = 10;
/** Highlights per update while filling the room: about 110 KB a frame, under Gloss's 1 MB frame limit. */
const PER_UPDATE = 250;

export async function joinLargeRoom(server: BenchServer, paragraphs: readonly Paragraph[], { annotations, joins }: { annotations: number; joins: number }): Promise<Measured> {
  const room = await server.room(SEEDERS + joins + 1);
  const seederPeople = room.people.slice(0, SEEDERS);
  const joinerPeople = room.people.slice(SEEDERS, SEEDERS + joins);
  const prober = room.people.at(-1)!;
  const common = { url: room.url, room: room.id, wire: server.wire, origin: server.origin };
  const seeders = await openPool({ ...common, people: seederPeople });
  try {
    let written = 0;
    seeders.clients.forEach((seeder, s) => {
      const mine = Math.floor(annotations / SEEDERS) + (s < annotations % SEEDERS ? 1 : 0);
      for (let from = 0; from < mine; from += PER_UPDATE) {
        seeder.doc.transact(() => {
          for (let i = from; i < Math.min(mine, from + PER_UPDATE); i++) addNote(seeder.doc, seederPeople[s]!, paragraphs, written++, { withComment: false });
        });
      }
    });
    if (!(await roomHolds(common, prober.cookie, annotations))) throw new Error(`the room never held all ${annotations} annotations`);

    const took: number[] = [];
    for (const person of joinerPeople) {
      const start = now();
      const client = connectBenchClient({ ...common, cookie: person.cookie });
      try {
        took.push((await client.synced) - start);
      } catch {
        // a failed join is counted in delivery
      }
      await client.close();
    }
    return { cell: ms(median(took)), compare: median(took), delivery: took.length / joins };
  } finally {
    await seeders.close();
  }
}

/** Whether a reader joining now would get all `count` annotations; asks again for up to 60 s while the server stores them. */
async function roomHolds(common: Omit<Parameters<typeof connectBenchClient>[0], "cookie">, cookie: string | undefined, count: number): Promise<boolean> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    const probe: BenchClient = connectBenchClient({ ...common, cookie });
    const held = await probe.synced.then(() => probe.doc.getMap(ANNOTATIONS).size, () => 0);
    await closeAll([probe]);
    if (held >= count) return true;
    await sleep(500);
  }
  return false;
}

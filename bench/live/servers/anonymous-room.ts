/**
 * A room on a reference server: they have no accounts, so anyone may open any name. The people still get ids
 * and names, so they write the same entries (same keys, same sizes) as Gloss's signed-in readers do.
 */
import { randomUUID } from "node:crypto";
import type { BenchRoom } from "./bench-server";

let rooms = 0;

export function anonymousRoom(url: (roomId: string) => string, people: number): BenchRoom {
  const id = `bench-room-${++rooms}-${randomUUID().slice(0, 8)}`;
  return {
    id,
    url: url(id),
    people: Array.from({ length: people }, (_, i) => ({ id: randomUUID().replace(/-/g, "").slice(0, 25), name: `Reader ${String(i + 1).padStart(4, "0")}` })),
  };
}

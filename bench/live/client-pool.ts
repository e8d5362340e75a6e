/**
 * Many clients in one room (or several), opened together and closed together. Opening is bounded (`parallel`)
 * where a scenario measures a steady state rather than the rush, so a burst of handshakes is not what it times.
 */
import { connectBenchClient, type BenchClient, type ClientOptions } from "./client";
import type { RoomClient } from "./room-socket";
import type { Person } from "./servers/bench-server";

export type Pool = { clients: BenchClient[]; synced: number; close: () => Promise<void> };

export type PoolOptions = Omit<ClientOptions, "cookie"> & { people: readonly Person[]; parallel?: number; timeoutMs?: number };

export async function openPool({ people, parallel = people.length, timeoutMs = 60_000, ...options }: PoolOptions): Promise<Pool> {
  const clients: BenchClient[] = [];
  let synced = 0;
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; i < people.length; i += parallel) {
    const batch = people.slice(i, i + parallel).map((person) => connectBenchClient({ ...options, cookie: person.cookie }));
    clients.push(...batch);
    const results = await Promise.allSettled(batch.map((client) => withDeadline(client.synced, deadline)));
    synced += results.filter((r) => r.status === "fulfilled").length;
  }
  return { clients, synced, close: () => closeAll(clients) };
}

export async function closeAll(clients: readonly RoomClient[]): Promise<void> {
  await Promise.all(clients.map((client) => withDeadline(client.close(), Date.now() + 5_000).catch(() => {})));
}

export function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), Math.max(0, deadline - Date.now()));
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

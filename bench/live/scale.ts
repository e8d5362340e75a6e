/**
 * The sizes of every scenario, in one place. The defaults are the issue's; BENCH_SCALE multiplies the counts
 * and durations (0.2 for a quick run that still exercises every path), and each size has its own variable for
 * a run that changes one thing only.
 */
export type Scale = {
  factor: number;
  /** Scenarios 1 and 2: readers in one room, one writer at `steadyRate` updates/s for `steadySeconds`. */
  readersSmall: number;
  readersLarge: number;
  steadyRate: number;
  steadySeconds: number;
  /** Scenario 3: readers, and the writer's rate (the writer managed about 260/s). */
  fastReaders: number;
  fastRate: number;
  fastSeconds: number;
  /** Scenario 4: readers connecting at once. */
  connectReaders: number;
  /** Scenario 5: annotations in the room, and how many readers join it one after another. */
  bigRoomAnnotations: number;
  bigRoomJoins: number;
  /** Scenario 6: idle connections spread over rooms. */
  idleConnections: number;
  idleRooms: number;
  /** Scenario 7: rooms of `busyPerRoom` readers, each writing a note a second for `busySeconds`. */
  busyRooms: number;
  busyPerRoom: number;
  busySeconds: number;
  /** Scenario 8: readers in one room moving to another paragraph every `presenceEveryMs` (a range), for `presenceSeconds`. */
  presenceReaders: number;
  presenceEveryMs: [number, number];
  presenceSeconds: number;
  /** Whether those readers send back what they apply, as the page's y-websocket provider does (BENCH_PRESENCE_ECHO=0: not). */
  presenceEcho: boolean;
  /** Scenario 9: readers in one room split over two Gloss instances, one writer at `pairRate`/s for `pairSeconds`. */
  pairReaders: number;
  pairRate: number;
  pairSeconds: number;
  /**
   * Readers per room of the one-room rows that keep a full Yjs document, checked at the end for every note; the
   * rest are light (light-client.ts): they time notes without applying them, so the readers are not the limit.
   */
  fullReaders: number;
  /** Worker threads the readers are spread over (a one-room row's writer stays in the main thread). */
  readerThreads: number;
};

const factor = Number(process.env.BENCH_SCALE ?? 1);
if (!(factor > 0)) throw new Error(`BENCH_SCALE must be a positive number, not ${process.env.BENCH_SCALE}`);

/** A count scaled by BENCH_SCALE (at least `min`), unless its own variable names it. */
function sized(variable: string, full: number, min = 1): number {
  const own = process.env[variable];
  if (own !== undefined) return Number(own);
  return Math.max(min, Math.round(full * factor));
}

/** "least-most" in ms, e.g. BENCH_PRESENCE_EVERY_MS=1000-2000. */
function range(variable: string, full: [number, number]): [number, number] {
  const own = process.env[variable];
  if (own === undefined) return full;
  const [least, most = least] = own.split("-").map(Number);
  if (!(least! >= 0 && most >= least!)) throw new Error(`${variable} must read like 1000-2000, not ${own}`);
  return [least!, most];
}

export const SCALE: Scale = {
  factor,
  readersSmall: sized("BENCH_READERS_SMALL", 200),
  readersLarge: sized("BENCH_READERS_LARGE", 500),
  // Rates are not scaled: a quick run should load the server the same way, only for less time with fewer readers.
  steadyRate: Number(process.env.BENCH_STEADY_RATE ?? 10),
  steadySeconds: sized("BENCH_STEADY_SECONDS", 10, 2),
  fastReaders: sized("BENCH_FAST_READERS", 100),
  fastRate: Number(process.env.BENCH_FAST_RATE ?? 260),
  fastSeconds: sized("BENCH_FAST_SECONDS", 10, 2),
  connectReaders: sized("BENCH_CONNECT_READERS", 200),
  bigRoomAnnotations: sized("BENCH_BIG_ROOM_ANNOTATIONS", 10_000, 100),
  bigRoomJoins: sized("BENCH_BIG_ROOM_JOINS", 7, 3),
  idleConnections: sized("BENCH_IDLE_CONNECTIONS", 2_000, 20),
  idleRooms: sized("BENCH_IDLE_ROOMS", 100, 2),
  busyRooms: sized("BENCH_BUSY_ROOMS", 100, 2),
  // A room's size is its shape, not its load: scaled down, there are fewer rooms of the same five readers.
  busyPerRoom: Number(process.env.BENCH_BUSY_PER_ROOM ?? 5),
  busySeconds: sized("BENCH_BUSY_SECONDS", 10, 3),
  presenceReaders: sized("BENCH_PRESENCE_READERS", 200, 2),
  presenceEveryMs: range("BENCH_PRESENCE_EVERY_MS", [1_000, 2_000]),
  presenceSeconds: sized("BENCH_PRESENCE_SECONDS", 10, 3),
  presenceEcho: process.env.BENCH_PRESENCE_ECHO !== "0",
  pairReaders: sized("BENCH_PAIR_READERS", 200, 2),
  pairRate: Number(process.env.BENCH_PAIR_RATE ?? 10),
  pairSeconds: sized("BENCH_PAIR_SECONDS", 10, 2),
  fullReaders: Number(process.env.BENCH_FULL_READERS ?? 2),
  readerThreads: Number(process.env.BENCH_READER_THREADS ?? 2),
};

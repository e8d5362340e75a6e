/**
 * A seeded random generator for fault tests: a failing storm or fuzz run prints its seed, and the same seed
 * (FAULTS_SEED=<n>) replays the same choices: who writes what, when the server is killed, which bytes are sent.
 * Timing on a busy machine still varies, so a replay makes the same moves, not always the same interleaving.
 */
export type Random = {
  seed: number;
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max]. */
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  bytes: (length: number) => Uint8Array;
};

/** The seed from FAULTS_SEED, or a fresh one; printed either way so a failure can be replayed. */
export function seededRandom(label: string): Random {
  const fromEnv = process.env.FAULTS_SEED;
  const seed = fromEnv ? Number(fromEnv) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
  console.log(`${label}: seed ${seed} (replay with FAULTS_SEED=${seed})`);
  return randomFrom(seed);
}

/** SplitMix32-style: a counter advanced by an odd constant, then its bits mixed; good enough to choose test moves. */
export function randomFrom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 2 ** 32;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    bytes: (length) => Uint8Array.from({ length }, () => int(0, 255)),
  };
}

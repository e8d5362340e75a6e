/**
 * Latency samples and delivery counts for one scenario: every (reader, entry) receipt is one sample, from the
 * writer's send to the frame's arrival at that reader. Percentiles are nearest-rank on the sorted samples.
 * Reports from several threads come in any order, so an arrival may be heard of before its send: it waits.
 */
import { now } from "./clock";

/** `reached`: entries that arrived at one reader at least. */
export type LatencySummary = { p50: number; p99: number; samples: number; expected: number; ratio: number; reached: number };

export class LatencyRecorder {
  private readonly sentAt = new Map<string, number>();
  /** Arrivals of keys whose send has not been reported yet. */
  private readonly early = new Map<string, number[]>();
  private readonly samples: number[] = [];
  private readonly reached = new Set<string>();
  private sent = 0;

  constructor(private readonly readers: number) {}

  /** The writer is about to send the entry under `key` (or sent it at `at`, on the clock.ts clock). */
  sending(key: string, at = now()) {
    this.sentAt.set(key, at);
    this.sent++;
    for (const arrivedAt of this.early.get(key) ?? []) this.sample(key, arrivedAt - at);
    this.early.delete(key);
  }

  /** A reader's document gained `key`, from a frame that arrived at `arrivedAt`. */
  received(key: string, arrivedAt: number) {
    const sentAt = this.sentAt.get(key);
    if (sentAt !== undefined) this.sample(key, arrivedAt - sentAt);
    else this.early.set(key, [...(this.early.get(key) ?? []), arrivedAt]);
  }

  private sample(key: string, ms: number) {
    this.samples.push(ms);
    this.reached.add(key);
  }

  /** Whether every reader has received every entry sent so far. */
  complete(): boolean {
    return this.samples.length >= this.sent * this.readers;
  }

  summary(): LatencySummary {
    const sorted = Float64Array.from(this.samples).sort();
    const expected = this.sent * this.readers;
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), samples: sorted.length, expected, ratio: expected ? sorted.length / expected : 0, reached: this.reached.size };
  }
}

export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(Float64Array.from(values).sort(), 0.5);
}

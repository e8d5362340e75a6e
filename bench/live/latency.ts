/**
 * Latency samples and delivery counts for one scenario: every (reader, entry) receipt is one sample, from the
 * writer's send to the frame's arrival at that reader. Percentiles are nearest-rank on the sorted samples.
 */
export type LatencySummary = { p50: number; p99: number; samples: number; expected: number; ratio: number };

export class LatencyRecorder {
  private readonly sentAt = new Map<string, number>();
  private readonly samples: number[] = [];
  private sent = 0;

  constructor(private readonly readers: number) {}

  /** The writer is about to send the entry under `key`. */
  sending(key: string, at = performance.now()) {
    this.sentAt.set(key, at);
    this.sent++;
  }

  /** A reader's document gained `key`, from a frame that arrived at `arrivedAt`. */
  received(key: string, arrivedAt: number) {
    const sentAt = this.sentAt.get(key);
    if (sentAt !== undefined) this.samples.push(arrivedAt - sentAt);
  }

  /** Whether every reader has received every entry sent so far. */
  complete(): boolean {
    return this.samples.length >= this.sent * this.readers;
  }

  summary(): LatencySummary {
    const sorted = Float64Array.from(this.samples).sort();
    const expected = this.sent * this.readers;
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), samples: sorted.length, expected, ratio: expected ? sorted.length / expected : 0 };
  }
}

export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(Float64Array.from(values).sort(), 0.5);
}

/**
 * What one person or one connection may ask of the websocket server, so that one student cannot wear it
 * down for the rest of the seminar. Each limit ends the connection with a named close code and a message
 * (lib/live/wire.ts); the numbers are far above what the reading page sends (SECURITY.md).
 */
export type Limits = {
  /** Open connections per user on this server instance (a tab holds two: the seminar's room and private notes). */
  connectionsPerUser: number;
  /** Document messages (updates) per connection: a sustained rate per second and a burst. */
  updatesPerSecond: number;
  updatesBurst: number;
  /** Bytes received per connection: a sustained rate per second and a burst. */
  bytesPerSecond: number;
  bytesBurst: number;
  /** Presence messages per connection: a sustained rate per second and a burst. */
  presencePerSecond: number;
  presenceBurst: number;
  /** Bytes one user may add to one room's document, deleted entries included (they leave tombstones). */
  growthPerUserPerRoom: number;
  /** Bytes waiting to be sent to one connection; a reader this far behind is dropped (it reconnects and syncs). */
  sendBuffer: number;
  /** How long a dropped slow reader has to read its close frame (queued behind what it has not read) before its socket is cut. */
  slowReaderGraceMs: number;
  /** Updates held for a connection until its sync step 2 arrives (they build on what it has not sent yet). */
  heldUpdates: number;
  /** Largest frame accepted; ws itself closes with 1009 above it. */
  maxPayload: number;
};

export const DEFAULT_LIMITS: Limits = {
  connectionsPerUser: 32,
  updatesPerSecond: 30,
  updatesBurst: 120,
  bytesPerSecond: 256 * 1024,
  bytesBurst: 2 * 1024 * 1024,
  presencePerSecond: 10,
  presenceBurst: 40,
  growthPerUserPerRoom: 8 * 1024 * 1024,
  sendBuffer: 16 * 1024 * 1024,
  slowReaderGraceMs: 30_000,
  heldUpdates: 256,
  maxPayload: 1024 * 1024,
};

/** One clock for every bucket: a default of `() => performance.now()` would be a closure per bucket, three per connection. */
const monotonicNow = () => performance.now();

/** A token bucket: `take` answers whether `amount` fits now, refilling at `rate` per second up to `burst`. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = monotonicNow,
  ) {
    this.tokens = burst;
    this.at = now();
  }

  take(amount = 1): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}

/**
 * How many connections each user has open, for the per-user limit (limits.ts). One instance counts in memory;
 * several count together in Redis, so a user cannot open the limit on every instance behind the balancer.
 *
 * In Redis each user has a sorted set of their connections, scored by when each stops counting: an instance
 * renews its connections' entries while they are open (every `renewMs`), so the connections of an instance that
 * died without saying goodbye stop counting after `leaseMs`. Checking and adding is one script, so two instances
 * admitting the same user at once cannot both take the last place. If Redis cannot answer, the instance decides
 * alone from its own count: a Redis outage neither locks readers out nor lifts the limit on any one instance.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

export type ConnectionCounts = {
  /** Takes a place for one more connection of `userId`; resolves false when they have `limit` open already. */
  take: (userId: string, limit: number) => Promise<Ticket | null>;
  close: () => Promise<void>;
};

/** One connection's place; given back when it closes. */
export type Ticket = { giveBack: () => void };

/** Counts of this instance alone. */
export function localConnectionCounts(): ConnectionCounts {
  const open = new Map<string, number>();
  return {
    async take(userId, limit) {
      return takeLocal(open, userId, limit);
    },
    async close() {},
  };
}

function takeLocal(open: Map<string, number>, userId: string, limit: number): Ticket | null {
  const count = open.get(userId) ?? 0;
  if (count >= limit) return null;
  open.set(userId, count + 1);
  let given = false;
  return {
    giveBack() {
      if (given) return;
      given = true;
      const left = (open.get(userId) ?? 1) - 1;
      if (left > 0) open.set(userId, left);
      else open.delete(userId);
    },
  };
}

const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

export function redisConnectionCounts(url: string, { leaseMs = 90_000, renewMs = 30_000, log = (_: string) => {} } = {}): ConnectionCounts {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on("error", () => {}); // the bus logs Redis outages; here a failed command falls back to the local count
  const instance = randomUUID();
  const local = new Map<string, number>();
  /** This instance's entries in Redis, by user: what it renews. */
  const held = new Map<string, Set<string>>();
  let next = 0;
  const keyOf = (userId: string) => `gloss:connections:${userId}`;

  const renew = setInterval(() => {
    if (held.size === 0) return;
    const expires = Date.now() + leaseMs;
    const pipeline = redis.pipeline();
    for (const [userId, members] of held) {
      for (const member of members) pipeline.zadd(keyOf(userId), "XX", expires, member);
      pipeline.pexpire(keyOf(userId), leaseMs);
    }
    pipeline.exec().catch((error: Error) => log(`connection counts not renewed: ${error.message}`));
  }, renewMs);
  renew.unref();

  return {
    async take(userId, limit) {
      const ticket = takeLocal(local, userId, limit);
      if (!ticket) return null;
      const member = `${instance}:${++next}`;
      let admitted: unknown;
      try {
        admitted = await redis.eval(TAKE, 1, keyOf(userId), Date.now(), limit, Date.now() + leaseMs, member, leaseMs);
      } catch {
        return ticket; // decided by this instance's own count
      }
      if (admitted !== 1) {
        ticket.giveBack();
        return null;
      }
      let members = held.get(userId);
      if (!members) held.set(userId, (members = new Set()));
      members.add(member);
      return {
        giveBack() {
          ticket.giveBack();
          if (!members.delete(member)) return;
          if (members.size === 0 && held.get(userId) === members) held.delete(userId);
          redis.zrem(keyOf(userId), member).catch(() => {}); // left to expire if Redis is away
        },
      };
    },
    async close() {
      clearInterval(renew);
      const pipeline = redis.pipeline();
      for (const [userId, members] of held) pipeline.zrem(keyOf(userId), ...members);
      await pipeline.exec().catch(() => {});
      held.clear();
      await redis.quit().catch(() => {});
    },
  };
}

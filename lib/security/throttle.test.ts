/** The PostgreSQL-kept rate limits, against a real database: counting, windows, concurrency, forgiving, cleaning. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { cleanThrottles } from "./clean-throttles.server";
import { hitThrottle } from "./hit-throttle.server";
import { limitFailures } from "./limit-failures.server";
import { tryAgainIn } from "./try-again";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const RULE = { limit: 3, windowMs: 15 * 60_000 };
const newKey = () => `test:${randomUUID()}`;

/** Moves a key's window into the past, as if `ms` had gone by. */
async function age(key: string, ms: number) {
  await database.db.$executeRaw`UPDATE "Throttle" SET "windowStart" = "windowStart" - ${ms}::integer * interval '1 millisecond' WHERE "key" = ${key}`;
}

async function countOf(key: string) {
  return (await database.db.throttle.findUnique({ where: { key } }))?.count ?? 0;
}

describe("hitThrottle", () => {
  it("allows `limit` hits per window, then says how long until the window ends", async () => {
    const key = newKey();
    for (let i = 0; i < RULE.limit; i++) expect((await hitThrottle(database.db, key, RULE)).allowed).toBe(true);
    const refused = await hitThrottle(database.db, key, RULE);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(RULE.windowMs - 60_000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(RULE.windowMs);
    await age(key, 10 * 60_000);
    const later = await hitThrottle(database.db, key, RULE);
    expect(later.allowed).toBe(false);
    expect(later.retryAfterMs).toBeLessThanOrEqual(5 * 60_000);
  });

  it("counts each key on its own", async () => {
    const [a, b] = [newKey(), newKey()];
    for (let i = 0; i <= RULE.limit; i++) await hitThrottle(database.db, a, RULE);
    expect((await hitThrottle(database.db, a, RULE)).allowed).toBe(false);
    expect((await hitThrottle(database.db, b, RULE)).allowed).toBe(true);
  });

  it("restarts an ended window in the same row", async () => {
    const key = newKey();
    for (let i = 0; i <= RULE.limit; i++) await hitThrottle(database.db, key, RULE);
    await age(key, RULE.windowMs);
    expect((await hitThrottle(database.db, key, RULE)).allowed).toBe(true);
    expect(await countOf(key)).toBe(1);
    expect(await database.db.throttle.count({ where: { key } })).toBe(1);
  });

  it("lets exactly `limit` of many simultaneous hits through", async () => {
    const key = newKey();
    const rule = { limit: 10, windowMs: 60_000 };
    const hits = await Promise.all(Array.from({ length: 40 }, () => hitThrottle(database.db, key, rule)));
    expect(hits.filter((hit) => hit.allowed)).toHaveLength(10);
    expect(await countOf(key)).toBe(40);
  });
});

describe("limitFailures", () => {
  const fail = async () => null;
  const succeed = async () => "signed in";

  it("counts failures only, and refuses once any key has failed too often", async () => {
    const [email, address] = [newKey(), newKey()];
    const throttles = [
      { key: email, rule: RULE },
      { key: address, rule: { limit: 100, windowMs: RULE.windowMs } },
    ];
    for (let i = 0; i < 5; i++) expect(await limitFailures(database.db, throttles, succeed)).toEqual({ limited: false, value: "signed in" });
    expect(await countOf(email)).toBe(0);
    for (let i = 0; i < RULE.limit; i++) expect(await limitFailures(database.db, throttles, fail)).toEqual({ limited: false, value: null });
    let ran = false;
    const refused = await limitFailures(database.db, throttles, async () => ((ran = true), "signed in"));
    expect(refused).toMatchObject({ limited: true });
    expect(ran).toBe(false);
    // A refused attempt takes nothing from the other key's allowance.
    expect(await countOf(address)).toBe(RULE.limit);
    expect(await countOf(email)).toBe(RULE.limit);
  });

  it("runs at most `limit` of many simultaneous failing attempts", async () => {
    const key = newKey();
    let runs = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        limitFailures(database.db, [{ key, rule: RULE }], async () => {
          runs++;
          return null;
        }),
      ),
    );
    expect(runs).toBe(RULE.limit);
    expect(results.filter((result) => result.limited)).toHaveLength(20 - RULE.limit);
    expect(await countOf(key)).toBe(RULE.limit);
  });

  it("counts an attempt that throws as a failure", async () => {
    const key = newKey();
    await expect(limitFailures(database.db, [{ key, rule: RULE }], () => Promise.reject(new Error("wrong code")))).rejects.toThrow("wrong code");
    expect(await countOf(key)).toBe(1);
  });

  it("does not take back an attempt from a window that has restarted since", async () => {
    const key = newKey();
    await hitThrottle(database.db, key, RULE);
    await limitFailures(database.db, [{ key, rule: RULE }], async () => {
      // The window ends while the attempt runs; the next hit (another attempt) restarts it.
      await age(key, RULE.windowMs);
      await hitThrottle(database.db, key, RULE);
      return "ok";
    });
    expect(await countOf(key)).toBe(1);
  });
});

describe("cleanThrottles", () => {
  it("deletes rows idle for longer than the longest window, and no others", async () => {
    const [old, recent] = [newKey(), newKey()];
    await hitThrottle(database.db, old, RULE);
    await hitThrottle(database.db, recent, RULE);
    await age(old, 2 * 60 * 60_000);
    await age(recent, 30 * 60_000);
    expect(await cleanThrottles(database.db)).toBeGreaterThanOrEqual(1);
    expect(await database.db.throttle.findUnique({ where: { key: old } })).toBeNull();
    expect(await countOf(recent)).toBe(1);
  });
});

describe("tryAgainIn", () => {
  it("rounds up to whole minutes", () => {
    expect(tryAgainIn(0)).toBe("in a minute");
    expect(tryAgainIn(59_000)).toBe("in a minute");
    expect(tryAgainIn(60_001)).toBe("in 2 minutes");
    expect(tryAgainIn(14 * 60_000)).toBe("in 14 minutes");
  });
});

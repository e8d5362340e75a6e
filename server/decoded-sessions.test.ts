import { describe, expect, it } from "vitest";
import type { DecodedSession } from "../lib/auth/session-cookie.server";
import { sessionCookie, TEST_SECRET } from "../tests/helpers/users";
import { DecodedSessions } from "./decoded-sessions";

/** Sessions decoded by a fake that counts its calls, on a clock the test moves. */
function counted(answer: (cookie: string) => DecodedSession | null, options: { ttlMs?: number; maxEntries?: number } = {}) {
  let now = 1_000_000;
  const calls: string[] = [];
  const sessions = new DecodedSessions({
    secret: "unused",
    now: () => now,
    decode: async (cookie) => (calls.push(cookie!), answer(cookie!)),
    ...options,
  });
  return { sessions, calls, advance: (ms: number) => (now += ms), now: () => now };
}

describe("DecodedSessions", () => {
  it("decodes a real next-auth cookie, and refuses one signed with another secret", async () => {
    const sessions = new DecodedSessions({ secret: TEST_SECRET });
    const session = await sessions.decode(await sessionCookie("user-1", TEST_SECRET, 3));
    expect(session).toMatchObject({ userId: "user-1", sessionVersion: 3 });
    expect(session!.expiresAt).toBeGreaterThan(Date.now());
    expect(await sessions.decode(await sessionCookie("user-1", "another-secret"))).toBeNull();
    expect(await sessions.decode(undefined)).toBeNull();
  });

  it("keeps a decoded cookie for at most its time to live", async () => {
    const { sessions, calls, advance } = counted(() => ({ userId: "u", sessionVersion: 0, expiresAt: null }), { ttlMs: 60_000 });
    await sessions.decode("c");
    advance(59_000);
    await sessions.decode("c");
    expect(calls).toHaveLength(1);
    advance(2_000);
    await sessions.decode("c");
    expect(calls).toHaveLength(2);
  });

  it("never answers from a kept entry once the token itself has expired", async () => {
    const fake = counted(() => ({ userId: "u", sessionVersion: 0, expiresAt: fake.now() + 10_000 }), { ttlMs: 60_000 });
    await fake.sessions.decode("c");
    fake.advance(10_000);
    await fake.sessions.decode("c");
    expect(fake.calls).toHaveLength(2);
  });

  it("keeps nothing for a cookie that decodes to no session, and stays within its bound", async () => {
    const { sessions, calls } = counted((cookie) => (cookie.startsWith("good") ? { userId: cookie, sessionVersion: 0, expiresAt: null } : null), {
      maxEntries: 2,
    });
    await sessions.decode("forged");
    await sessions.decode("forged");
    expect(calls).toEqual(["forged", "forged"]);
    await sessions.decode("good-1");
    await sessions.decode("good-2");
    await sessions.decode("good-3"); // drops good-1, the oldest
    await sessions.decode("good-3");
    await sessions.decode("good-1");
    expect(calls.slice(2)).toEqual(["good-1", "good-2", "good-3", "good-1"]);
  });
});

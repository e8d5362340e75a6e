/**
 * Sign-in under the rate limits, against a real database: failures lock an email or an address for a while, and
 * nobody else. Password hashing is real, so these are the costs an attacker pays too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { THROTTLE_RULES } from "../security/throttle-rules";
import { SignUpSchema } from "./credentials";
import { lockoutError, lockoutMessage, lockoutRetryAfterMs } from "./sign-in-lockout";
import { signInWithPassword } from "./sign-in-with-password.server";
import { signUp } from "./sign-up.server";

const PASSWORD = "correct horse battery staple";
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  for (const name of ["ada", "ben", "cleo", "dan"]) {
    await signUp(database.db, { ...SignUpSchema.parse({ name, email: `${name}@example.edu`, password: PASSWORD }), address: `198.51.100.${name.length}` });
  }
});
afterAll(() => database.drop());

const attempt = (email: string, password: string, address: string) => signInWithPassword(database.db, { email, password, address });

describe("signing in", () => {
  it("lets the right password in, as often as wanted, and counts only failures", async () => {
    for (let i = 0; i < THROTTLE_RULES.signInPerEmail.limit + 2; i++) {
      expect(await attempt("dan@example.edu", PASSWORD, "192.0.2.10")).toMatchObject({ ok: true, user: { email: "dan@example.edu" } });
    }
    expect(await attempt("dan@example.edu", "wrong password", "192.0.2.10")).toEqual({ ok: false, locked: false });
  });

  it("locks an email after too many failures, even for the right password and from elsewhere; others still sign in", async () => {
    for (let i = 0; i < THROTTLE_RULES.signInPerEmail.limit; i++) {
      expect(await attempt("ada@example.edu", `guess ${i}`, "192.0.2.20")).toEqual({ ok: false, locked: false });
    }
    const locked = await attempt("ada@example.edu", PASSWORD, "192.0.2.21");
    expect(locked).toMatchObject({ ok: false, locked: true });
    expect(locked.ok === false && locked.locked && locked.retryAfterMs).toBeGreaterThan(THROTTLE_RULES.signInPerEmail.windowMs - 60_000);
    // Another account, from the very address the guesses came from.
    expect(await attempt("ben@example.edu", PASSWORD, "192.0.2.20")).toMatchObject({ ok: true });
  });

  it("locks an address after too many failures across emails, known or not; other addresses still sign in", async () => {
    const { limit } = THROTTLE_RULES.signInPerAddress;
    // Spread over emails so that no single email is locked.
    for (let i = 0; i < limit; i++) await attempt(`sprayed-${i % 9}@example.edu`, "Winter2026!", "2001:db8:1:2::7");
    // Another address in the same IPv6 /64 is the same client.
    expect(await attempt("cleo@example.edu", PASSWORD, "2001:db8:1:2::8")).toMatchObject({ ok: false, locked: true });
    expect(await attempt("cleo@example.edu", PASSWORD, "2001:db8:1:3::8")).toMatchObject({ ok: true });
  });
});

describe("the lockout message", () => {
  it("travels through next-auth's error string and says when to try again", () => {
    const error = lockoutError(13 * 60_000 + 1);
    expect(lockoutRetryAfterMs(error)).toBe(13 * 60_000 + 1000);
    expect(lockoutRetryAfterMs("CredentialsSignin")).toBeNull();
    expect(lockoutMessage(13 * 60_000 + 1000)).toMatch(/too many failed attempts.*Try again in 14 minutes\.$/);
  });
});

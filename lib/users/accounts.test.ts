import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { THROTTLE_RULES } from "../security/throttle-rules";
import { authenticate } from "./authenticate.server";
import { SignUpSchema } from "./credentials";
import { signUp } from "./sign-up.server";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("sign-up and sign-in", () => {
  it("normalizes the email and stores only a slow hash of the password", async () => {
    const input = SignUpSchema.parse({ name: " Ada Lovelace ", email: "  Ada@Example.EDU ", password: "analytical-engine" });
    const result = await signUp(database.db, { ...input, address: "192.0.2.1" });
    expect(result.ok).toBe(true);
    const user = await database.db.user.findUniqueOrThrow({ where: { email: "ada@example.edu" } });
    expect(user.name).toBe("Ada Lovelace");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("analytical-engine");
  });

  it("says an email is taken, whatever its case", async () => {
    const input = SignUpSchema.parse({ name: "Ada again", email: "ADA@example.edu", password: "another-password" });
    expect(await signUp(database.db, { ...input, address: "192.0.2.1" })).toEqual({ ok: false, error: "email-taken" });
  });

  it("explains a short password and a malformed email", () => {
    const result = SignUpSchema.safeParse({ name: "Ben", email: "ben-at-example", password: "short" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    expect(messages).toContain("email: Enter a valid email address, like ada@example.edu.");
    expect(messages).toContain("password: Use at least 10 characters for your password.");
  });

  it("signs in with the right password only, and answers the same for an unknown email", async () => {
    expect(await authenticate(database.db, "ada@example.edu", "analytical-engine")).toMatchObject({ name: "Ada Lovelace" });
    expect(await authenticate(database.db, "ada@example.edu", "wrong-password")).toBeNull();
    expect(await authenticate(database.db, "nobody@example.edu", "analytical-engine")).toBeNull();
  });

  it("refuses sign-ups from one address after the hourly limit, with the wait, and not from others", async () => {
    const { limit } = THROTTLE_RULES.signUpPerAddress;
    const attempt = (i: number, address: string) =>
      signUp(database.db, { ...SignUpSchema.parse({ name: `Bot ${i}`, email: `bot-${i}@example.edu`, password: "a-long-enough-password" }), address });
    // Taken emails count too: each attempt costs a password hash and probes whether an account exists.
    await signUp(database.db, { ...SignUpSchema.parse({ name: "Ada", email: "ada@example.edu", password: "another-password" }), address: "203.0.113.9" });
    for (let i = 1; i < limit; i++) expect((await attempt(i, "203.0.113.9")).ok).toBe(true);
    const refused = await attempt(limit, "203.0.113.9");
    expect(refused).toMatchObject({ ok: false, error: "rate-limited" });
    expect(refused.ok === false && refused.error === "rate-limited" && refused.retryAfterMs).toBeGreaterThan(THROTTLE_RULES.signUpPerAddress.windowMs - 60_000);
    expect(await database.db.user.findUnique({ where: { email: `bot-${limit}@example.edu` } })).toBeNull();
    expect((await attempt(limit, "203.0.113.10")).ok).toBe(true);
  });
});

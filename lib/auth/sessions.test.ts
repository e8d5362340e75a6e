/**
 * Session versions against a real database: a sign-out ends every token issued before it, for pages
 * (findSessionUser) and websockets (the cookie's claims), and next-auth is wired to do it.
 */
import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listenToAccessEvents } from "../../tests/helpers/access-events";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { createUser, sessionCookie, TEST_SECRET } from "../../tests/helpers/users";
import { endSessions } from "./end-sessions.server";
import { findSessionUser } from "./find-session-user.server";
import { sessionFromCookie } from "./session-cookie.server";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("signing out", () => {
  it("ends the sessions issued before it, and only those", async () => {
    const ada = await createUser(database.db, "Ada");
    expect(await findSessionUser(database.db, { userId: ada.id, sessionVersion: 0 })).toMatchObject({ id: ada.id, name: "Ada" });
    expect(await endSessions(database.db, { userId: ada.id, sessionVersion: 0 })).toBe(true);
    expect(await findSessionUser(database.db, { userId: ada.id, sessionVersion: 0 })).toBeNull();
    // A sign-in after it carries the new version.
    expect(await findSessionUser(database.db, { userId: ada.id, sessionVersion: 1 })).toMatchObject({ id: ada.id });
    expect(await findSessionUser(database.db, { userId: "no-such-user", sessionVersion: 0 })).toBeNull();
  });

  it("cannot be repeated with a token that has already ended, and tells the websocket servers once", async () => {
    const ben = await createUser(database.db, "Ben");
    const log = await listenToAccessEvents(database.url);
    try {
      await endSessions(database.db, { userId: ben.id, sessionVersion: 0 });
      expect(await endSessions(database.db, { userId: ben.id, sessionVersion: 0 })).toBe(false);
      expect(await findSessionUser(database.db, { userId: ben.id, sessionVersion: 1 })).not.toBeNull();
      await endSessions(database.db, { userId: ben.id, sessionVersion: 1 });
      expect(await log.next(2)).toEqual([
        { type: "signed-out", userId: ben.id, sessionVersion: 1 },
        { type: "signed-out", userId: ben.id, sessionVersion: 2 },
      ]);
    } finally {
      await log.close();
    }
  });
});

describe("the session cookie", () => {
  it("carries the session version, and a token from before versions counts as the first", async () => {
    const withVersion = `next-auth.session-token=${await encode({ token: { sub: "u1", sessionVersion: 4 }, secret: TEST_SECRET })}`;
    expect(await sessionFromCookie(withVersion, TEST_SECRET)).toEqual({ userId: "u1", sessionVersion: 4, expiresAt: expect.any(Number) });
    expect(await sessionFromCookie(await sessionCookie("u2"), TEST_SECRET)).toEqual({ userId: "u2", sessionVersion: 0, expiresAt: expect.any(Number) });
    expect(await sessionFromCookie(await sessionCookie("u2", "another-secret"), TEST_SECRET)).toBeNull();
    const expired = `next-auth.session-token=${await encode({ token: { sub: "u3" }, secret: TEST_SECRET, maxAge: -60 })}`;
    expect(await sessionFromCookie(expired, TEST_SECRET)).toBeNull();
    // What next-auth decodes, this decodes the same.
    const token = await encode({ token: { sub: "u4", sessionVersion: 2, name: "Ada" }, secret: TEST_SECRET });
    const theirs = await decode({ token, secret: TEST_SECRET });
    expect(await sessionFromCookie(`next-auth.session-token=${token}`, TEST_SECRET)).toEqual({ userId: "u4", sessionVersion: 2, expiresAt: Number(theirs!.exp) * 1000 });
  });
});

describe("next-auth's wiring", () => {
  it("puts the version in the token at sign-in, and signing out through next-auth ends the sessions", async () => {
    // options.server.ts reaches the database through getDb(), which reads DATABASE_URL on first use and keeps
    // the client on globalThis; both are put back afterwards for whatever runs next in this worker.
    vi.stubEnv("DATABASE_URL", database.url);
    const { authOptions } = await import("./options.server");
    const { getDb } = await import("../db/client.server");
    try {
      const cleo = await createUser(database.db, "Cleo");
      const token = await authOptions.callbacks!.jwt!({ token: {}, user: { id: cleo.id, sessionVersion: 0 }, account: null });
      expect(token).toMatchObject({ sub: cleo.id, sessionVersion: 0 });
      await authOptions.events!.signOut!({ token, session: undefined as never });
      expect(await findSessionUser(database.db, { userId: cleo.id, sessionVersion: 0 })).toBeNull();
    } finally {
      await getDb().$disconnect();
      delete (globalThis as { glossDb?: unknown }).glossDb;
      vi.unstubAllEnvs();
    }
  });
});

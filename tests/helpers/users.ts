import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Db } from "../../lib/db/client.server";

export const TEST_SECRET = "test-secret-that-is-only-used-by-tests";

export async function createUser(db: Db, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomBytes(3).toString("hex")}@example.edu`;
  return db.user.create({ data: { name, email, passwordHash: "not-used-in-these-tests" }, select: { id: true, name: true } });
}

/** A Cookie header carrying a next-auth session for `userId`, as the browser would send it. */
export async function sessionCookie(userId: string, secret = TEST_SECRET, sessionVersion = 0): Promise<string> {
  const token = await encode({ token: { sub: userId, sessionVersion }, secret });
  return `next-auth.session-token=${token}`;
}

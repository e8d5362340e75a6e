import type { Db } from "../db/client.server";
import { hashPassword, verifyPassword } from "./password.server";

// Verified against when the email is unknown, so a wrong email costs as long as a wrong password and response
// times do not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

export async function authenticate(db: Db, email: string, password: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true } });
  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !ok) return null;
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

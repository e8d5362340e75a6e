import type { Db } from "../db/client.server";
import type { SignUpInput } from "./credentials";
import { hashPassword } from "./password.server";

export type SignUpResult = { ok: true; userId: string } | { ok: false; error: "email-taken" };

/** Creates an account. The input is already parsed by SignUpSchema (email normalized). */
export async function signUp(db: Db, { name, email, password }: SignUpInput): Promise<SignUpResult> {
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.user.create({ data: { name, email, passwordHash }, select: { id: true } });
    return { ok: true, userId: user.id };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { ok: false, error: "email-taken" };
    throw error;
  }
}

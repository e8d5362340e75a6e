import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";
import { getRole } from "./get-role.server";

export const INSTRUCTORS_ONLY = "Only the seminar's instructors can do this.";

/** Throws unless `userId` teaches the seminar. Unknown seminars and non-members get the same answer. */
export async function requireInstructor(db: Db | Prisma.TransactionClient, seminarId: string, userId: string): Promise<void> {
  if ((await getRole(db, seminarId, userId)) !== "instructor") {
    throw new AppError(AppErrorCode.Forbidden, INSTRUCTORS_ONLY);
  }
}

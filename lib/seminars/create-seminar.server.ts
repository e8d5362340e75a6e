import type { Db } from "../db/client.server";
import { generateInviteCode } from "./invite-code";

export type CreateSeminarOptions = { name: string; term: string; instructorId: string };

/** Creates a seminar with its creator as instructor and a fresh invite code. */
export async function createSeminar(db: Db, { name, term, instructorId }: CreateSeminarOptions) {
  return db.seminar.create({
    data: { name, term, inviteCode: generateInviteCode(), members: { create: { userId: instructorId, role: "instructor" } } },
    select: { id: true, inviteCode: true },
  });
}

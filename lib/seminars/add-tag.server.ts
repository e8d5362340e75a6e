import type { Db } from "../db/client.server";
import { BUILT_IN_TAGS } from "../doc/layout";
import { requireEditableSeminar } from "./require-editable-seminar.server";

/** Adds a tag to the seminar's set (the built-in ones are always there). */
export async function addTag(db: Db, { seminarId, name, userId }: { seminarId: string; name: string; userId: string }) {
  await db.$transaction(async (tx) => {
    await requireEditableSeminar(tx, seminarId, userId);
    if ((BUILT_IN_TAGS as readonly string[]).includes(name)) return;
    await tx.seminarTag.upsert({ where: { seminarId_name: { seminarId, name } }, create: { seminarId, name }, update: {} });
  });
}

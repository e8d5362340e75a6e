import type { Db } from "../db/client.server";
import { BUILT_IN_TAGS } from "../doc/layout";
import { requireInstructor } from "./require-instructor.server";

/** Adds a tag to the seminar's set (the built-in ones are always there). */
export async function addTag(db: Db, { seminarId, name, userId }: { seminarId: string; name: string; userId: string }) {
  await requireInstructor(db, seminarId, userId);
  if ((BUILT_IN_TAGS as readonly string[]).includes(name)) return;
  await db.seminarTag.upsert({ where: { seminarId_name: { seminarId, name } }, create: { seminarId, name }, update: {} });
}

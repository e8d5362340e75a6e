import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import { addEssay } from "../seminars/add-essay.server";
import { createEssay, type CreateEssayOptions } from "./create-essay.server";
import { firstFreeSlug, slugFromTitle } from "./essay-slug";
import { requireImporter } from "./require-importer.server";

export type ImportNewEssayOptions = Omit<CreateEssayOptions, "slug"> & { userId: string; seminarId: string | null };

const isSlugTaken = (error: unknown) => (error as { code?: string }).code === "P2002";

/**
 * Stores a previewed essay for an instructor and, when they chose one of their seminars, puts it on that reading
 * list. The seminar is checked before anything is written, so a refused choice leaves no essay behind.
 */
export async function importNewEssay(db: Db, { userId, seminarId, ...essay }: ImportNewEssayOptions) {
  const seminars = await requireImporter(db, userId);
  if (seminarId && !seminars.some((seminar) => seminar.id === seminarId)) {
    throw new AppError(AppErrorCode.Forbidden, "You can add essays only to seminars you teach that are not archived. Choose another seminar, or none.");
  }
  const base = slugFromTitle(essay.title);
  // Two imports of one title at once can both find the same slug free; the unique index decides, and the loser retries.
  for (let attempt = 0; ; attempt++) {
    const taken = await db.essay.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
    const slug = firstFreeSlug(base, new Set(taken.map((row) => row.slug)));
    let created;
    try {
      created = await createEssay(db, { ...essay, slug });
    } catch (error) {
      if (!isSlugTaken(error) || attempt >= 3) throw error;
      continue;
    }
    if (seminarId) await addEssay(db, { seminarId, essayId: created.id, userId });
    return { id: created.id, slug, href: seminarId ? `/seminars/${seminarId}/essays/${slug}` : `/essays/${slug}` };
  }
}

import type { Db } from "../db/client.server";

/** One essay with its paragraphs in reading order, or null for an unknown slug. */
export async function getEssay(db: Db, slug: string) {
  return db.essay.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      author: true,
      source: true,
      paragraphs: { orderBy: { position: "asc" }, select: { id: true, kind: true, text: true } },
    },
  });
}
export type EssayForReading = NonNullable<Awaited<ReturnType<typeof getEssay>>>;
export type EssayParagraph = EssayForReading["paragraphs"][number];

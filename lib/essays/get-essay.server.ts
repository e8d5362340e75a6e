import type { Db } from "../db/client.server";
import { IN_ESSAY } from "./in-essay";

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
      // Only the paragraphs in the essay today: a revision keeps removed ones as rows (lib/essays/in-essay.ts).
      paragraphs: { where: IN_ESSAY, orderBy: { position: "asc" }, select: { id: true, kind: true, text: true } },
    },
  });
}
export type EssayForReading = NonNullable<Awaited<ReturnType<typeof getEssay>>>;
export type EssayParagraph = EssayForReading["paragraphs"][number];

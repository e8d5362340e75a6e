import type { Db } from "../db/client.server";
import { IN_ESSAY } from "./in-essay";

/** The library: every essay with what a card shows, newest first. */
export async function getEssays(db: Db) {
  const essays = await db.essay.findMany({
    orderBy: [{ createdAt: "desc" }, { title: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      author: true,
      source: true,
      // Body paragraphs only: headings and the author's bio are not what a reader counts as the essay's length.
      _count: { select: { paragraphs: { where: { kind: "body", ...IN_ESSAY } } } },
    },
  });
  return essays.map(({ _count, ...essay }) => ({ ...essay, paragraphCount: _count.paragraphs }));
}
export type EssayCard = Awaited<ReturnType<typeof getEssays>>[number];

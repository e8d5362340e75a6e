import { z } from "zod";
import type { Db } from "../db/client.server";
import { IN_ESSAY } from "../essays/in-essay";
import { quotePassage } from "./passage";

const Point = z.string().regex(/^[A-Za-z0-9_-]{1,64}:\d{1,7}$/);

/** The passage an instructor selected in the reader, as the link to a new assignment carries it. */
export const PassageLinkSchema = z.object({ essay: z.string().min(1).max(64), from: Point, to: Point });

export type LinkedPassage = { essayId: string; startParagraphId: string; startOffset: number; endParagraphId: string; endOffset: number; quote: string };

/**
 * Checks a passage selected in the reader against the essay (which must be on the seminar's reading list) and
 * quotes it; null for anything that does not fit, so a bad link simply opens an empty form.
 */
export async function passageFromLink(db: Db, { seminarId, link }: { seminarId: string; link: unknown }): Promise<LinkedPassage | null> {
  const parsed = PassageLinkSchema.safeParse(link);
  if (!parsed.success) return null;
  const [startParagraphId, start] = parsed.data.from.split(":") as [string, string];
  const [endParagraphId, end] = parsed.data.to.split(":") as [string, string];
  const listed = await db.seminarEssay.findUnique({
    where: { seminarId_essayId: { seminarId, essayId: parsed.data.essay } },
    // A link from a page opened before a revision may name a removed paragraph: it opens an empty form.
    select: { essay: { select: { paragraphs: { where: IN_ESSAY, select: { id: true, position: true, text: true } } } } },
  });
  if (!listed) return null;
  const passage = { startParagraphId, startOffset: Number(start), endParagraphId, endOffset: Number(end) };
  const quote = quotePassage(listed.essay.paragraphs, passage);
  return quote === null ? null : { essayId: parsed.data.essay, ...passage, quote };
}

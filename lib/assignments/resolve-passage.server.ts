import type { Db } from "../db/client.server";
import type { Prisma } from "../generated/prisma/client";
import { AppError, AppErrorCode } from "../errors/app-error";
import { IN_ESSAY } from "../essays/in-essay";
import { quotePassage } from "./passage";

export type PassageInput = { startParagraphId: string; endParagraphId: string; startOffset?: number; endOffset?: number };

/**
 * Checks a passage against the essay, which must be on the seminar's reading list, and quotes it: what an
 * assignment stores. Offsets left out mean whole paragraphs (the start of the first, the end of the last).
 */
export async function resolvePassage(db: Db | Prisma.TransactionClient, { seminarId, essayId, passage }: { seminarId: string; essayId: string; passage: PassageInput }) {
  const listed = await db.seminarEssay.findUnique({ where: { seminarId_essayId: { seminarId, essayId } }, select: { essayId: true } });
  if (!listed) throw new AppError(AppErrorCode.InvalidInput, "Choose an essay on this seminar's reading list.");
  // Only the essay as readers have it: a paragraph a revision removed is no place for a new passage.
  const paragraphs = await db.paragraph.findMany({ where: { essayId, ...IN_ESSAY }, select: { id: true, position: true, text: true } });
  const last = paragraphs.find((p) => p.id === passage.endParagraphId);
  const stored = {
    startParagraphId: passage.startParagraphId,
    startOffset: passage.startOffset ?? 0,
    endParagraphId: passage.endParagraphId,
    endOffset: passage.endOffset ?? last?.text.length ?? 0,
  };
  const quote = quotePassage(paragraphs, stored);
  if (quote === null) throw new AppError(AppErrorCode.InvalidInput, "The passage must start before it ends, within the chosen essay. Check its first and last paragraphs.");
  return { ...stored, quote };
}

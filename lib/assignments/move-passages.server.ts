import type { Prisma } from "../generated/prisma/client";
import type { EssayParagraph } from "../doc/reanchor";
import { movePassage } from "./move-passage";

/**
 * Moves every assignment's passage on an essay to where its words are after a revision (move-passage.ts), inside the
 * revision's transaction, so participation never counts against a passage the text no longer has. A passage none
 * of whose words are left keeps its old place: it then counts nothing, and its page says the passage no longer
 * matches the essay, for the instructor to choose another.
 */
export async function movePassages(tx: Prisma.TransactionClient, { essayId, before, after }: { essayId: string; before: EssayParagraph[]; after: EssayParagraph[] }): Promise<number> {
  const assignments = await tx.assignment.findMany({
    where: { essayId },
    select: { id: true, startParagraphId: true, startOffset: true, endParagraphId: true, endOffset: true, quote: true },
  });
  let moved = 0;
  for (const assignment of assignments) {
    const now = movePassage(assignment, before, after);
    if (!now) continue;
    const same = (Object.keys(now) as Array<keyof typeof now>).every((key) => now[key] === assignment[key]);
    if (same) continue;
    await tx.assignment.update({ where: { id: assignment.id }, data: now });
    moved++;
  }
  return moved;
}

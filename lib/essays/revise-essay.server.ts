import type { Db } from "../db/client.server";
import { notifyAccessChange } from "../live/notify-access-change.server";
import type { Prisma } from "../generated/prisma/client";
import { movePassages } from "../assignments/move-passages.server";
import { placeNotes } from "../placements/place-notes.server";
import { IN_ESSAY } from "./in-essay";
import { requireReviser } from "./require-reviser.server";
import { planRevision, readRevisedText, type RevisionPlan } from "./revision-plan";

export type ReviseEssayOptions = { seminarId: string; essayId: string; userId: string; text: string };

/** Far above any essay's length: the essay's paragraphs are parked there while their positions are rewritten. */
const PARKED = 1_000_000;
/** Placing every note of a much-discussed essay (every room: seminars', the open one, private notes) takes a while. */
const REVISION_TIMEOUT_MS = 60_000;

/**
 * Stores a revision of an essay's text: paragraphs keep their ids where the plan says so, new ones are created,
 * removed ones leave the essay without being deleted (lib/essays/in-essay.ts). The plan is made inside the
 * transaction, from the paragraphs as they are then, with the essay's row locked, so two revisions at once
 * apply one after the other instead of mixing. Every note on the essay, in every room, is placed against the new text
 * in the same transaction (lib/placements), so no report ever counts a note against text it was not shown on, and
 * every assignment's passage follows its words (lib/assignments/move-passages.server.ts).
 * Returns the plan with the new paragraphs' ids filled in.
 */
export async function reviseEssay(db: Db, { seminarId, essayId, userId, text }: ReviseEssayOptions): Promise<RevisionPlan> {
  return db.$transaction(async (tx) => {
    await requireReviser(tx, { seminarId, essayId, userId });
    const [essay] = await tx.$queryRaw<Array<{ title: string }>>`SELECT "title" FROM "Essay" WHERE "id" = ${essayId} FOR UPDATE`;
    const current = await tx.paragraph.findMany({ where: { essayId, ...IN_ESSAY }, orderBy: { position: "asc" }, select: { id: true, kind: true, text: true } });
    const plan = planRevision(current, readRevisedText(text, essay!.title).paragraphs);
    await applyPlan(tx, essayId, plan);
    await placeNotes(tx, { essayId });
    await movePassages(tx, { essayId, before: current, after: plan.paragraphs.map((p) => ({ id: p.id!, text: p.text })) });
    // Loaded rooms on this essay learn its new paragraphs, or notes on them would be refused until they unload.
    await notifyAccessChange(tx, { type: "essay-revised", essayId });
    return plan;
  }, { timeout: REVISION_TIMEOUT_MS });
}

async function applyPlan(tx: Prisma.TransactionClient, essayId: string, plan: RevisionPlan): Promise<void> {
  // Positions are unique per essay and checked row by row, so move everything out of the way first.
  await tx.paragraph.updateMany({ where: { essayId, ...IN_ESSAY }, data: { position: { increment: PARKED } } });
  const lowest = await tx.paragraph.aggregate({ where: { essayId, position: { lt: 0 } }, _min: { position: true } });
  let out = lowest._min.position ?? 0;
  for (const removed of plan.removed) {
    await tx.paragraph.update({ where: { id: removed.id }, data: { position: --out } });
  }
  for (const [position, paragraph] of plan.paragraphs.entries()) {
    if (paragraph.id) {
      await tx.paragraph.update({ where: { id: paragraph.id }, data: { position, kind: paragraph.kind, text: paragraph.text } });
    } else {
      const created = await tx.paragraph.create({ data: { essayId, position, kind: paragraph.kind, text: paragraph.text }, select: { id: true } });
      paragraph.id = created.id;
    }
  }
}

import type { Prisma } from "../generated/prisma/client";

/**
 * How many other seminars reading an essay `userId` does not teach. A revision changes the text under every
 * seminar's notes, so while any such seminar reads the essay, this instructor may not revise it: one seminar's
 * edit must not move another's discussion. Archived seminars count, since their notes are still read. Counted, not
 * named: another seminar's name is its members' business.
 */
export function countSeminarsKeepingFromRevising(tx: Prisma.TransactionClient, { essayId, userId }: { essayId: string; userId: string }): Promise<number> {
  return tx.seminarEssay.count({ where: { essayId, seminar: { members: { none: { userId, role: "instructor" } } } } });
}

export function keptFromRevisingMessage(others: number): string {
  const which = others === 1 ? "another seminar reads it too" : `${others} other seminars read it too`;
  return `This essay cannot be revised here: ${which}, and a revision would change the text under their notes. Import your own copy of the essay to change it for this seminar.`;
}

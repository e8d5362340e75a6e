import type { Prisma } from "../generated/prisma/client";

/**
 * The other seminars reading an essay that `userId` does not teach. A revision changes the text under every
 * seminar's notes, so while any such seminar reads the essay, this instructor may not revise it: one seminar's
 * edit must not move another's discussion. Archived seminars count, since their notes are still read.
 */
export async function seminarsKeptFromRevising(tx: Prisma.TransactionClient, { essayId, userId }: { essayId: string; userId: string }): Promise<string[]> {
  const others = await tx.seminarEssay.findMany({
    where: { essayId, seminar: { members: { none: { userId, role: "instructor" } } } },
    select: { seminar: { select: { name: true } } },
    orderBy: { seminar: { name: "asc" } },
  });
  return others.map((o) => o.seminar.name);
}

export function keptFromRevisingMessage(names: string[]): string {
  // Counted, not named: another seminar's name is its members' business.
  const which = names.length === 1 ? "another seminar reads it too" : `${names.length} other seminars read it too`;
  return `This essay cannot be revised here: ${which}, and a revision would change the text under their notes. Import your own copy of the essay to change it for this seminar.`;
}

import type { Db } from "../db/client.server";

/**
 * How many assignments are open for this student across their seminars: given to them, opened, not closed, and
 * not yet due (their extension counts). What the header's "Assigned" shows; a plain count, cheap on every page.
 */
export function countAssigned(db: Db, { userId, now }: { userId: string; now: Date }): Promise<number> {
  return db.assignment.count({
    where: {
      opensAt: { lte: now },
      closedAt: null,
      seminar: { members: { some: { userId, role: "student" } } },
      AND: [
        { OR: [{ audience: "everyone" }, { students: { some: { userId } } }] },
        { OR: [{ dueAt: { gt: now } }, { extensions: { some: { userId, dueAt: { gt: now } } } }] },
      ],
    },
  });
}

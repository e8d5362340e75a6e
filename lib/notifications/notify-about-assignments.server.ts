import type { Db } from "../db/client.server";
import { getAudience } from "../assignments/get-audience.server";
import { getParticipation } from "../assignments/get-participation.server";
import { NOTIFICATIONS_CHANNEL } from "./channel";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Assignments that opened longer ago than this are not announced (say, when reminders start on old data). */
const ANNOUNCE_WITHIN_MS = 7 * DAY_MS;
const EXCERPT_LENGTH = 160;

/**
 * Tells students about assignments: once when one opens for them, and once when it is due within a day and they
 * have not done it yet (their own due time, extension included). Run every minute by each server
 * (server/assignment-reminders.ts); a notification names its assignment, so several servers, or runs, tell
 * nobody twice. Returns who was told.
 */
export async function notifyAboutAssignments(db: Db, { now }: { now: Date }): Promise<string[]> {
  const open = await db.assignment.findMany({
    where: {
      opensAt: { lte: now },
      closedAt: null,
      // An archived seminar asks nothing more of its students.
      seminar: { archivedAt: null },
      OR: [{ opensAt: { gte: new Date(now.getTime() - ANNOUNCE_WITHIN_MS) } }, { dueAt: { gt: now } }, { extensions: { some: { dueAt: { gt: now } } } }],
    },
    include: { seminar: { select: { name: true } } },
  });
  const rows: Array<{ userId: string; kind: "assignment" | "due_soon"; key: string; title: string; excerpt: string; href: string }> = [];
  for (const assignment of open) {
    const href = `/seminars/${assignment.seminarId}/assignments/${assignment.id}`;
    const excerpt = `${assignment.seminar.name}: ${assignment.prompt.length > EXCERPT_LENGTH ? `${assignment.prompt.slice(0, EXCERPT_LENGTH - 1)}…` : assignment.prompt}`;
    if (assignment.opensAt.getTime() >= now.getTime() - ANNOUNCE_WITHIN_MS) {
      for (const student of await getAudience(db, { assignment })) {
        rows.push({ userId: student.id, kind: "assignment", key: `assignment:${assignment.id}`, title: `New assignment: ${assignment.title}`, excerpt, href });
      }
    }
    // Within a day of the latest due time anyone has: only then can a reminder be due.
    const latest = await db.assignmentExtension.aggregate({ where: { assignmentId: assignment.id }, _max: { dueAt: true } });
    const lastDue = Math.max(assignment.dueAt.getTime(), latest._max.dueAt?.getTime() ?? 0);
    if (lastDue <= now.getTime() || assignment.dueAt.getTime() > now.getTime() + DAY_MS) continue;
    const { rows: standings } = await getParticipation(db, { assignment, now });
    for (const standing of standings) {
      const due = standing.dueAt.getTime();
      if (due <= now.getTime() || due > now.getTime() + DAY_MS || standing.status === "done") continue;
      rows.push({ userId: standing.student.id, kind: "due_soon", key: `due:${assignment.id}`, title: `Due within a day: ${assignment.title}`, excerpt, href });
    }
  }
  if (rows.length === 0) return [];
  const created = await db.notification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { userId: true } });
  const userIds = [...new Set(created.map((n) => n.userId))];
  if (userIds.length > 0) await db.$executeRaw`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, ${JSON.stringify({ userIds })})`;
  return userIds;
}

import type { Db } from "../db/client.server";
import { getRole } from "../seminars/get-role.server";
import { isInAudience } from "./is-in-audience.server";
import { assignmentNotAvailable } from "./not-available";
import { explainRule, RuleSchema } from "./rule";

/**
 * One assignment as a member of its seminar sees it. Instructors see every assignment, with its audience and
 * extensions (for editing); a student sees it only once it has opened and only if it is given to them, with the
 * due time that applies to them. Everyone else is told it does not exist.
 */
export async function getAssignment(db: Db, { seminarId, assignmentId, userId, now }: { seminarId: string; assignmentId: string; userId: string; now: Date }) {
  const [role, assignment] = await Promise.all([
    getRole(db, seminarId, userId),
    db.assignment.findUnique({
      where: { id: assignmentId },
      include: {
        essay: { select: { id: true, slug: true, title: true, author: true } },
        students: { select: { userId: true } },
        extensions: { select: { userId: true, dueAt: true } },
      },
    }),
  ]);
  if (!role || !assignment || assignment.seminarId !== seminarId) throw assignmentNotAvailable();
  const isInstructor = role === "instructor";
  if (!isInstructor && (assignment.opensAt > now || !(await isInAudience(db, { assignment, userId })))) throw assignmentNotAvailable();

  const endParagraph = await db.paragraph.findUnique({ where: { id: assignment.endParagraphId }, select: { text: true } });
  const { students, extensions, rule: storedRule, ...fields } = assignment;
  const rule = RuleSchema.parse(storedRule);
  const mine = extensions.find((e) => e.userId === userId)?.dueAt ?? null;
  return {
    ...fields,
    role,
    rule,
    ruleText: explainRule(rule),
    /** The due time that applies to the viewer: a student's extension when it is later. */
    myDueAt: mine && mine > assignment.dueAt ? mine : assignment.dueAt,
    /** Whether the passage begins or ends inside a paragraph (its quote is then shown with an ellipsis). */
    cut: { atStart: assignment.startOffset > 0, atEnd: endParagraph !== null && assignment.endOffset < endParagraph.text.length },
    /** Instructors only: who it is given to when chosen, and the extensions granted. */
    studentIds: isInstructor ? students.map((s) => s.userId) : [],
    extensions: isInstructor ? extensions : [],
  };
}
export type AssignmentView = Awaited<ReturnType<typeof getAssignment>>;

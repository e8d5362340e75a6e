import type { AssignmentInReader } from "@/components/reading/assignment-aside";
import { getAssignment } from "@/lib/assignments/get-assignment.server";
import { getDb } from "@/lib/db/client.server";
import { AppError } from "@/lib/errors/app-error";

/**
 * The assignment a reader opened this essay for, as the reading page shows it; null when it is not theirs to see
 * (not given to them, not open yet, another seminar's) or is on another essay, so a crafted link shows nothing.
 */
export async function assignmentInReader(seminarId: string, assignmentId: string, userId: string, essayId: string): Promise<AssignmentInReader | null> {
  try {
    const assignment = await getAssignment(getDb(), { seminarId, assignmentId, userId, now: new Date() });
    if (assignment.essay.id !== essayId) return null;
    return {
      id: assignment.id,
      title: assignment.title,
      prompt: assignment.prompt,
      dueAt: assignment.myDueAt.toISOString(),
      ruleText: assignment.ruleText,
      href: `/seminars/${seminarId}/assignments/${assignment.id}`,
      passage: {
        startParagraphId: assignment.startParagraphId,
        startOffset: assignment.startOffset,
        endParagraphId: assignment.endParagraphId,
        endOffset: assignment.endOffset,
      },
    };
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

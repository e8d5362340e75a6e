import { cache } from "react";
import { getAssignment } from "@/lib/assignments/get-assignment.server";
import { getDb } from "@/lib/db/client.server";
import { AppError } from "@/lib/errors/app-error";

/**
 * The assignment as this member sees it, or null when they may not see it (pages answer 404, whatever the
 * reason, like getAssignment's one message). Cached per request: the layout, the metadata and the page all ask.
 */
export const loadAssignment = cache(async (seminarId: string, assignmentId: string, userId: string) => {
  try {
    return await getAssignment(getDb(), { seminarId, assignmentId, userId, now: new Date() });
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
});

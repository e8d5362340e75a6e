import { cache } from "react";
import { getDb } from "@/lib/db/client.server";
import { AppError } from "@/lib/errors/app-error";
import { getSeminar } from "@/lib/seminars/get-seminar.server";

/**
 * The seminar as this member sees it, or null when it does not exist or they are not in it (pages answer 404 for
 * both, like getSeminar's one message). Cached per request: the layout, the metadata and the page all ask.
 */
export const loadSeminar = cache(async (seminarId: string, userId: string) => {
  try {
    return await getSeminar(getDb(), { seminarId, userId });
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
});

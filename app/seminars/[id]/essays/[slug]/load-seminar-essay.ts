import { cache } from "react";
import { getDb } from "@/lib/db/client.server";
import { roomIdFor } from "@/lib/doc/layout";
import { AppError } from "@/lib/errors/app-error";
import { getEssay } from "@/lib/essays/get-essay.server";
import { authorizeRoom } from "@/lib/rooms/authorize-room.server";
import { getSeminar } from "@/lib/seminars/get-seminar.server";

/**
 * The essay, the seminar's room on it (read-only while the seminar is archived) and the seminar as this member
 * sees it; null when the essay is unknown, not on the seminar's list, or the user is not a member. authorizeRoom
 * decides access, as it does for the websocket. Cached per request: the layout, the metadata and the page all ask.
 */
export const loadSeminarEssay = cache(async (seminarId: string, slug: string, userId: string) => {
  const db = getDb();
  const essay = await getEssay(db, slug);
  if (!essay) return null;
  const roomId = roomIdFor(essay.id, seminarId);
  try {
    const access = await authorizeRoom(db, roomId, userId);
    const seminar = await getSeminar(db, { seminarId, userId });
    return { essay, roomId, role: access.role, readOnly: access.readOnly, seminar };
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
});

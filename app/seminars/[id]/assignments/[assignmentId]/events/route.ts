import { getActivityVersion } from "@/lib/assignments/get-activity-version.server";
import { requireAssignmentInstructor } from "@/lib/assignments/require-assignment-instructor.server";
import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { roomIdFor } from "@/lib/doc/layout";
import { AppError } from "@/lib/errors/app-error";
import { eventStream } from "@/lib/http/event-stream";
import { subscribeToRoomActivity } from "@/lib/rooms/room-activity-feed.server";

type Params = { params: Promise<{ id: string; assignmentId: string }> };

const notFound = () => new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** However busy the room, an open dashboard is told at most this often (each telling costs it a render). */
const MIN_INTERVAL_MS = 1_000;

/**
 * The live dashboard's feed, as Server-Sent Events: the version of the room's rows (see getActivityVersion),
 * on connecting and whenever students' writing changes it. Instructors of the seminar only; everyone else gets
 * the 404 an unknown address gets. It carries no names or counts: the page re-renders to show them, so what
 * an instructor sees is always decided by the page's own checks.
 */
export async function GET(request: Request, { params }: Params) {
  const { id: seminarId, assignmentId } = await params;
  const user = await getSessionUser();
  if (!user) return notFound();
  const db = getDb();
  let assignment;
  try {
    assignment = await requireAssignmentInstructor(db, { seminarId, assignmentId, userId: user.id });
  } catch (error) {
    if (error instanceof AppError) return notFound();
    throw error;
  }
  const roomId = roomIdFor(assignment.essayId, seminarId);
  return eventStream(request, {
    subscribe: (changed) => subscribeToRoomActivity(roomId, changed),
    read: async () => ({ version: await getActivityVersion(db, assignment) }),
    minIntervalMs: MIN_INTERVAL_MS,
  });
}

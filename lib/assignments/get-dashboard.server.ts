import type { Db } from "../db/client.server";
import { getParticipation } from "./get-participation.server";
import { requireAssignmentInstructor } from "./require-assignment-instructor.server";

/** An assignment's participation table, for its seminar's instructors only (the dashboard and its CSV). */
export async function getDashboard(db: Db, { seminarId, assignmentId, userId, now }: { seminarId: string; assignmentId: string; userId: string; now: Date }) {
  const assignment = await requireAssignmentInstructor(db, { seminarId, assignmentId, userId });
  return { assignment, ...(await getParticipation(db, { assignment, now })) };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

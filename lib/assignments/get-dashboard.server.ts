import type { Db } from "../db/client.server";
import { getActivityVersion } from "./get-activity-version.server";
import { getHeatMap } from "./get-heat-map.server";
import { getParticipation } from "./get-participation.server";
import { requireAssignmentInstructor } from "./require-assignment-instructor.server";
import { bucketActivity } from "./timeline";

/**
 * An assignment's dashboard, for its seminar's instructors only: the participation table (also its CSV), the heat
 * map of the essay, activity over time, and the version of the room's rows it was counted from (the live view
 * refreshes when that moves on). The version is read first, so a change racing the counts is never lost: at
 * worst it causes one refresh too many.
 */
export async function getDashboard(db: Db, { seminarId, assignmentId, userId, now }: { seminarId: string; assignmentId: string; userId: string; now: Date }) {
  const assignment = await requireAssignmentInstructor(db, { seminarId, assignmentId, userId });
  const version = await getActivityVersion(db, assignment);
  const participation = await getParticipation(db, { assignment, now });
  const heatMap = await getHeatMap(db, { assignment, studentIds: participation.rows.map((row) => row.student.id) });
  const timeline = bucketActivity(participation.activity, assignment);
  return { assignment, version, ...participation, heatMap, timeline };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

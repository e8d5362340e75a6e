import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client.server";
import { roomIdFor } from "../doc/layout";

/**
 * A fingerprint of a room's relational copy that changes whenever a row is written or marked deleted: the live
 * dashboard compares it with the one its page was rendered from, and refreshes only when they differ.
 */
export async function getActivityVersion(db: Db, { seminarId, essayId }: { seminarId: string; essayId: string }): Promise<string> {
  const roomId = roomIdFor(essayId, seminarId);
  const [row] = await db.$queryRaw<[{ version: string }]>(Prisma.sql`
    SELECT concat_ws('/',
      (SELECT count(*) || ':' || coalesce(extract(epoch FROM max("updatedAt"))::text, '') FROM "Annotation" WHERE "roomId" = ${roomId}),
      (SELECT count(*) || ':' || coalesce(extract(epoch FROM max("updatedAt"))::text, '') FROM "Comment" WHERE "roomId" = ${roomId})
    ) AS "version"`);
  return row.version;
}

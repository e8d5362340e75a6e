import type { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client.server";
import { ACTIVITY_CHANNEL } from "./activity-channel";

/** A NOTIFY payload holds at most 8,000 bytes; room ids are about 50 characters. */
const ROOMS_PER_NOTIFY = 100;

/**
 * Tells live dashboards that rooms' relational copies changed outside the websocket server (which announces its own
 * copies, server/activity-announcer.ts). Inside the transaction that changes them: the NOTIFY goes out at commit.
 */
export async function notifyActivity(tx: Db | Prisma.TransactionClient, roomIds: readonly string[]): Promise<void> {
  for (let i = 0; i < roomIds.length; i += ROOMS_PER_NOTIFY) {
    await tx.$executeRaw`SELECT pg_notify(${ACTIVITY_CHANNEL}, ${JSON.stringify({ roomIds: roomIds.slice(i, i + ROOMS_PER_NOTIFY) })})`;
  }
}

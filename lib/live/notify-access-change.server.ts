import type { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client.server";
import { ACCESS_CHANNEL, type AccessEvent } from "./access-events";

/**
 * Tells every websocket server that access changed (access-events.ts), so the open connections it concerns close.
 * Call it inside the transaction that makes the change: PostgreSQL delivers a NOTIFY exactly when its transaction
 * commits, so no server hears of a change that was rolled back, and none misses one that committed.
 */
export async function notifyAccessChange(tx: Db | Prisma.TransactionClient, event: AccessEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${ACCESS_CHANNEL}, ${JSON.stringify(event)})`;
}

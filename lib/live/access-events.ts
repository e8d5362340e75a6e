/**
 * The messages that tell every websocket server that someone lost access: a member removed from a seminar, or a
 * user who signed out. Sent with PostgreSQL NOTIFY on one channel (notify-access-change.server.ts) and received
 * by server/access-events.ts in every instance; the schema is checked on receipt.
 */
import { z } from "zod";

export const ACCESS_CHANNEL = "gloss_access";

export const AccessEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("member-removed"), seminarId: z.string().min(1), userId: z.string().min(1) }),
  /** Sessions issued with an older version than `sessionVersion` have ended. */
  z.object({ type: z.literal("signed-out"), userId: z.string().min(1), sessionVersion: z.number().int() }),
]);
export type AccessEvent = z.infer<typeof AccessEventSchema>;

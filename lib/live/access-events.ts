/**
 * The messages that tell every websocket server that access to rooms changed: a member removed from a seminar,
 * a user who signed out, an essay taken off a seminar's reading list, a seminar archived; and an essay revised, which
 * changes what its rooms' checks accept. Sent with PostgreSQL
 * NOTIFY on one channel (notify-access-change.server.ts) and received by server/access-events.ts in every
 * instance; the schema is checked on receipt.
 */
import { z } from "zod";

export const ACCESS_CHANNEL = "gloss_access";

export const AccessEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("member-removed"), seminarId: z.string().min(1), userId: z.string().min(1) }),
  /** Sessions issued with an older version than `sessionVersion` have ended. */
  z.object({ type: z.literal("signed-out"), userId: z.string().min(1), sessionVersion: z.number().int() }),
  /** The seminar's room on this essay is closed to everyone until the essay is added again. */
  z.object({ type: z.literal("essay-removed"), seminarId: z.string().min(1), essayId: z.string().min(1) }),
  /** The seminar's rooms are read-only for everyone until it is unarchived. */
  z.object({ type: z.literal("seminar-archived"), seminarId: z.string().min(1) }),
  /** The essay's text was revised: its rooms' checks must accept notes on its new paragraphs. Closes nothing. */
  z.object({ type: z.literal("essay-revised"), essayId: z.string().min(1) }),
]);
export type AccessEvent = z.infer<typeof AccessEventSchema>;

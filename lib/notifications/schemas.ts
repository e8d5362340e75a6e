import { z } from "zod";

/** Marking read: one notification by id, or all of them when no id is given. */
export const MarkReadSchema = z.object({ id: z.string().min(1).max(64).optional() });

/**
 * What a reader's presence may carry, shared by the page (lib/client/use-presence.ts) and the server, which
 * rewrites every state to these fields (server/awareness.ts): the paragraph being read, and for instructors
 * the passage they spotlight during class.
 */
import { z } from "zod";

/** A passage an instructor puts in front of the class: words of one paragraph (offsets in its text). */
export const SpotlightSchema = z
  .object({
    paragraphId: z.string().min(1).max(64),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    words: z.string().min(1).max(300),
  })
  .strict()
  .refine((s) => s.end > s.start, "a spotlight covers at least one character");
export type Spotlight = z.infer<typeof SpotlightSchema>;

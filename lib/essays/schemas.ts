import { z } from "zod";

/** Generous for any essay, small enough that aligning it with the old text stays quick. */
export const REVISION_MAX_LENGTH = 200_000;

/** The revise form, shared by the page and its server action. `intent` says whether to preview or to save. */
export const ReviseEssaySchema = z.object({
  seminarId: z.string().min(1).max(64),
  essayId: z.string().min(1).max(64),
  text: z
    .string()
    .trim()
    .min(1, "The essay's text is empty. Keep its paragraphs, separated by blank lines.")
    .max(REVISION_MAX_LENGTH, `Use at most ${REVISION_MAX_LENGTH.toLocaleString("en")} characters.`),
  intent: z.enum(["preview", "save"]).default("preview"),
});

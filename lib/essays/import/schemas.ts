/** The import page's inputs, shared by its forms and the route and action that receive them. */
import { z } from "zod";
import { MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS, PASTE_MAX_CHARS } from "./limits";

const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, message).optional().transform((value) => value || undefined);

export const PreviewPasteSchema = z.object({
  from: z.literal("paste"),
  text: z.string().trim().min(1, "Paste the essay's text first.").max(PASTE_MAX_CHARS, "That is more text than an essay: paste one essay at a time."),
  title: optionalText(300, "Use at most 300 characters for the title."),
});

export const PreviewAddressSchema = z.object({
  from: z.literal("address"),
  address: z.string().trim().min(1, "Enter the page's address first.").max(2000, "That address is too long to be a web page's."),
});

/** A paste or a web address, sent as JSON; files are sent as the request's body instead (see UploadNameSchema). */
export const PreviewRequestSchema = z.discriminatedUnion("from", [PreviewPasteSchema, PreviewAddressSchema]);

export const UploadNameSchema = z.string().trim().min(1, "The file has no name.").max(255, "The file's name is too long.");

// Only a changed page or a hand-made request sends paragraphs unlike a preview's, so one message fits every shape error.
const PREVIEW_AGAIN = "Preview the essay again before importing it.";
const ParagraphSchema = z.object(
  {
    kind: z.enum(["heading", "body", "note"], PREVIEW_AGAIN),
    text: z.string(PREVIEW_AGAIN).trim().min(1, PREVIEW_AGAIN).max(MAX_PARAGRAPH_CHARS, `A paragraph can have at most ${MAX_PARAGRAPH_CHARS} characters: split the longest one in the text and preview again.`),
  },
  PREVIEW_AGAIN,
);

const ParagraphsSchema = z
  .string()
  .transform((json, context) => {
    try {
      return JSON.parse(json) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: PREVIEW_AGAIN });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(ParagraphSchema, PREVIEW_AGAIN)
      .max(MAX_PARAGRAPHS, `An essay can have at most ${MAX_PARAGRAPHS} paragraphs.`)
      .refine((paragraphs) => paragraphs.some((p) => p.kind === "body"), "The essay has no body paragraphs to import."),
  );

/** What Import stores: the previewed paragraphs as they were shown, with the title and author as edited. */
export const ImportEssaySchema = z.object({
  title: z.string().trim().min(1, "Give the essay a title.").max(300, "Use at most 300 characters for the title."),
  author: optionalText(200, "Use at most 200 characters for the author.").transform((value) => value ?? null),
  source: z.string().trim().max(2000).optional().transform((value) => value || null),
  seminarId: z.string().max(64).optional().transform((value) => value || null),
  paragraphs: ParagraphsSchema,
});

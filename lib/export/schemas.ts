import { z } from "zod";

export const EXPORT_FORMATS = ["md", "csv", "jsonld", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const flag = z
  .enum(["0", "1", "false", "true", "no", "yes"])
  .optional()
  .transform((value) => (value === undefined ? undefined : ["1", "true", "yes"].includes(value)));
const paragraphNumber = z.coerce.number({ message: "Paragraphs are counted from 1." }).int("Paragraphs are counted in whole numbers.").min(1, "Paragraphs are counted from 1.").max(100_000).optional();

/**
 * The query string of an export address (`…/export?format=md&from=3&to=5&resolved=0`), shared by the export
 * form and the route. Absent options mean the whole discussion, resolved threads included, hidden comments out.
 */
export const ExportQuerySchema = z
  .object({
    format: z.enum(EXPORT_FORMATS, { message: "Choose a format: md, csv, jsonld or html." }),
    member: z.string().min(1).max(64).optional(),
    from: paragraphNumber,
    to: paragraphNumber,
    assignment: z.string().min(1).max(64).optional(),
    resolved: flag,
    hidden: flag,
    bom: flag,
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: "The range must start before it ends.", path: ["to"] });
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

/** Reads a URL's search params into the schema: only the first value of each, empty values as absent. */
export function exportQueryFrom(params: URLSearchParams) {
  const entries: Record<string, string> = {};
  for (const key of ["format", "member", "from", "to", "assignment", "resolved", "hidden", "bom"]) {
    const value = params.get(key);
    if (value !== null && value !== "") entries[key] = value;
  }
  return ExportQuerySchema.safeParse(entries);
}

/** The largest file an import takes: an export of some 20,000 comments. */
export const IMPORT_MAX_BYTES = 25 * 1024 * 1024;

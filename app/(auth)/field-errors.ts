import type { z } from "zod";

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The first message per field, in the schema's words: the form and the server action show the same text. */
export function fieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && !(field in errors)) errors[field as K] = issue.message;
  }
  return errors;
}

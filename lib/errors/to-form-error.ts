import { z } from "zod";
import { AppError, AppErrorCode } from "./app-error";

/** What a form's server action answers; the form shows `fieldErrors` under fields and `formError` above them. */
export type FormState<Field extends string = string> =
  | { ok: true; message?: string }
  | { ok: false; fieldErrors?: Partial<Record<Field, string>>; formError?: string }
  | null;

// Said when a domain function's own message is empty; its messages are written for people, so they win.
const FALLBACK: Record<AppErrorCode, string> = {
  NOT_FOUND: "That could not be found. It may have been removed.",
  FORBIDDEN: "You are not allowed to do that.",
  INVALID_INPUT: "Check what you entered and try again.",
  CONFLICT: "Someone changed this at the same time. Reload and try again.",
  RATE_LIMITED: "Too many attempts. Wait a few minutes and try again.",
};

/**
 * The one place a form action turns a failure into words: schema issues become the schema's messages per field
 * (first one per field), an AppError its message. Anything else is a bug and is rethrown to the error page.
 */
export function toFormError<Field extends string>(error: unknown): Extract<FormState<Field>, { ok: false }> {
  if (error instanceof z.ZodError) {
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const issue of error.issues) {
      const field = issue.path[0];
      if (typeof field === "string" && !(field in fieldErrors)) fieldErrors[field as Field] = issue.message;
    }
    return { ok: false, fieldErrors };
  }
  if (error instanceof AppError) return { ok: false, formError: error.message || FALLBACK[error.code] };
  throw error;
}

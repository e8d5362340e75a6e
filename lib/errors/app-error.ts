/** One error type for domain functions; form actions turn its code into words in one place (to-form-error.ts). */
export const AppErrorCode = {
  NotFound: "NOT_FOUND",
  Forbidden: "FORBIDDEN",
  InvalidInput: "INVALID_INPUT",
  Conflict: "CONFLICT",
  /** A rate limit (lib/security/throttle-rules.ts) refused the attempt; the message says when to try again. */
  RateLimited: "RATE_LIMITED",
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

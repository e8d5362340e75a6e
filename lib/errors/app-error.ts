/** One error type for domain functions; routes and actions map its code to a status or a message in one place. */
export const AppErrorCode = {
  NotFound: "NOT_FOUND",
  Forbidden: "FORBIDDEN",
  InvalidInput: "INVALID_INPUT",
  Conflict: "CONFLICT",
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

export const httpStatusOf: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID_INPUT: 422,
  CONFLICT: 409,
};

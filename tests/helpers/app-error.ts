import { expect } from "vitest";
import { AppError, type AppErrorCode } from "../../lib/errors/app-error";

/** Asserts that `promise` fails with an AppError of `code` (and, when given, exactly `message`). */
export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode, message?: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toBe(message);
}

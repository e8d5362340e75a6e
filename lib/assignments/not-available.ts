import { AppError, AppErrorCode } from "../errors/app-error";

// One answer for "no such assignment", "not in this seminar", "not given to you" and "not yours to change", so a
// guessed id tells nobody anything; pages and the CSV route turn it into 404.
export const ASSIGNMENT_NOT_AVAILABLE = "This assignment does not exist, or it is not one you can see.";

export function assignmentNotAvailable(): AppError {
  return new AppError(AppErrorCode.NotFound, ASSIGNMENT_NOT_AVAILABLE);
}

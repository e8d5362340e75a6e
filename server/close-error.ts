import type { CloseCodeValue } from "../lib/live/wire";

/** Thrown anywhere on a connection's path to end it with `code`; the message becomes the close reason. */
export class CloseError extends Error {
  constructor(
    readonly code: CloseCodeValue,
    message: string,
  ) {
    super(message);
  }
}

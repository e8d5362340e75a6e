import type { Db } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import { listImportSeminars } from "./list-import-seminars.server";

export const IMPORTERS_ONLY =
  "Only instructors can import essays: create a seminar (or ask to be made an instructor of one that is not archived), then import.";

/**
 * Throws unless the user teaches a seminar that is not archived; returns those seminars. Every preview and import
 * asks this on the server, since previewing a web address makes Gloss fetch it.
 */
export async function requireImporter(db: Db, userId: string) {
  const seminars = await listImportSeminars(db, { userId });
  if (seminars.length === 0) throw new AppError(AppErrorCode.Forbidden, IMPORTERS_ONLY);
  return seminars;
}

/**
 * Who moderates the essays' public rooms, which belong to no seminar and so have no instructor: the accounts whose
 * emails are listed in GLOSS_MODERATORS (comma-separated). In a public room they have an instructor's powers (hide
 * and show comments, resolve any thread); everyone else there is a plain reader.
 */
export function isSiteModerator(email: string | undefined, list = process.env.GLOSS_MODERATORS ?? ""): boolean {
  if (!email) return false;
  const wanted = email.trim().toLowerCase();
  return list.split(",").some((entry) => entry.trim().toLowerCase() === wanted && wanted !== "");
}

/**
 * A discussion as CSV, for spreadsheets and scripts: one row per comment, in the essay's order, with its
 * thread's place and quote on every row so that a row can be sorted or filtered on its own. A highlight with no
 * comment in the export gets a row of its own (empty comment columns), or it would not be in the file at all.
 *
 * Cells are quoted and kept from running as formulas by `lib/csv/csv-cell.ts`: a body typed as "=1+1" arrives as
 * "'=1+1". Times are ISO 8601 in UTC. `csvChunks` yields the header and then one line at a time, so a route can
 * stream a large seminar's export; the optional byte order mark is what Excel needs to read UTF-8 as UTF-8.
 * A thread a revision left unanchored has an empty paragraph_index (its quote is the words it was written on).
 */
import { csvLine } from "../csv/csv-cell";
import type { Discussion, DiscussionStream, ExportComment, ExportThread } from "./discussion";

export const CSV_COLUMNS = [
  "thread_id",
  "comment_id",
  "parent_id",
  "paragraph_index",
  "quote",
  "author",
  "role",
  "created_at",
  "edited_at",
  "body",
  "tags",
  "reactions",
  "resolved",
  "hidden",
] as const;

export type CsvOptions = { bom?: boolean };

const BOM = "\uFEFF";

/** A comment's row; with no comment, the bare highlight's own (its author, its time). */
function row(thread: ExportThread, comment: ExportComment | null): Array<string | number> {
  const author = comment?.author ?? thread.author;
  return [
    thread.id,
    comment?.id ?? "",
    comment?.parentId ?? "",
    thread.paragraphIndex ?? "",
    thread.quote?.exact ?? "",
    author.name,
    author.role,
    (comment?.createdAt ?? thread.createdAt).toISOString(),
    comment?.editedAt?.toISOString() ?? "",
    comment?.body ?? "",
    (comment?.tags ?? []).join("; "),
    (comment?.reactions ?? []).map((r) => `${r.kind}:${r.count}`).join("; "),
    String(comment?.resolved ?? thread.resolved),
    String(comment?.hidden ?? false),
  ];
}

export function* csvChunks(d: Discussion, { bom = false }: CsvOptions = {}): Generator<string> {
  yield (bom ? BOM : "") + csvLine(CSV_COLUMNS);
  for (const thread of d.threads) {
    if (thread.comments.length === 0) yield csvLine(row(thread, null));
    for (const comment of thread.comments) yield csvLine(row(thread, comment));
  }
}

/** The same rows, for a discussion read as it is written out (see DiscussionStream). */
export async function* csvStream(d: DiscussionStream, { bom = false }: CsvOptions = {}): AsyncGenerator<string> {
  yield (bom ? BOM : "") + csvLine(CSV_COLUMNS);
  for await (const thread of d.threads) {
    if (thread.comments.length === 0) yield csvLine(row(thread, null));
    for (const comment of thread.comments) yield csvLine(row(thread, comment));
  }
}

export function discussionToCsv(d: Discussion, options: CsvOptions = {}): string {
  return [...csvChunks(d, options)].join("");
}

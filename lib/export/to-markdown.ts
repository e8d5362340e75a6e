/**
 * A discussion as Markdown, for reading: in a plain text editor as it is, or rendered anywhere Markdown is.
 * The essay's title heads the file with what was exported (seminar, date, scope); then each thread under its
 * paragraph number and quoted passage, its comments as a list with replies nested under what they answer.
 *
 * Bodies are Markdown already and are kept as typed, indented into their list item so that every line stays
 * inside it: a body's "# " line is then a heading inside that comment, never one of the export's, and a "> "
 * line a quote inside it. Blocks a body leaves open are closed first (`close-open-blocks.ts`), or they would
 * swallow the replies that follow. Text Gloss writes around bodies (names, tags, the quote) is escaped instead,
 * as it is not Markdown. Times are minutes in UTC, said once at the top, so the file reads the same wherever it
 * is opened. Threads a revision left unanchored come last, each under "Unanchored", quoting the words it was
 * written on.
 */
import { closeOpenBlocks } from "./close-open-blocks";
import type { Discussion, DiscussionStream, ExportComment, ExportPerson, ExportScope, ExportThread } from "./discussion";

const utc = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");

/** Characters that would turn Gloss's own text (a name, a title, a quote) into emphasis, code, links or HTML. */
const inline = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ").replace(/[\\`*_[\]<>]/g, "\\$&");

/** A quoted passage is the essay's text: a line that starts like a heading or a list is still just text. */
const quoteLine = (line: string) => `> ${inline(line).replace(/^(#{1,6}|[>+\-*]|\d{1,9}[.)])(?=\s|$)/, "\\$1")}`;

const roleNote = (person: ExportPerson) => (person.role === "instructor" ? " (instructor)" : "");
const who = (person: ExportPerson) => `${inline(person.name)}${roleNote(person)}`;

function scopeText({ member, from, to, assignment, includeResolved, includeHidden }: ExportScope): string {
  const whose = member ? `the threads ${inline(member.name)} wrote in` : "every thread";
  const where =
    from !== null && to !== null ? (from === to ? `paragraph ${from}` : `paragraphs ${from}–${to}`)
    : from !== null ? `paragraphs ${from} to the end`
    : to !== null ? `paragraphs 1–${to}`
    : "all paragraphs";
  const parts = [whose, where];
  if (assignment) parts.push(`the passage of the assignment “${inline(assignment.title)}”`);
  parts.push(includeResolved ? "resolved threads included" : "resolved threads left out");
  parts.push(includeHidden ? "hidden comments included" : "hidden comments left out");
  return `Scope: ${parts.join("; ")}.`;
}

function header(d: DiscussionStream): string[] {
  const where = d.seminar ? `Seminar: ${inline(d.seminar.name)}` : "Private notes";
  // A run of # ending a heading line is its optional closing sequence, and would vanish from the title.
  const lines = [`# ${inline(d.essay.title).replace(/(^|\s)(#+)$/, "$1\\$2")}`, ""];
  if (d.essay.author) lines.push(`by ${inline(d.essay.author)}`, "");
  lines.push(
    `${where}. Exported ${utc(d.exportedAt)} by ${who(d.exportedBy)}. All times are UTC.`,
    "",
    scopeText(d.scope),
    "",
    `Read it in Gloss: <${d.sourceUrl}>`,
  );
  return lines;
}

function metaLine(comment: ExportComment, answersMissing: boolean): string {
  const parts = [`**${inline(comment.author.name)}**${roleNote(comment.author)}`, utc(comment.createdAt)];
  if (comment.editedAt) parts[1] += ` (edited ${utc(comment.editedAt)})`;
  if (answersMissing) parts.push("(answers a comment not in this export)");
  if (comment.resolved) parts.push("(resolved)");
  if (comment.hidden) parts.push("(hidden)");
  if (comment.tags.length > 0) parts.push(`Tags: ${comment.tags.map(inline).join(", ")}`);
  if (comment.reactions.length > 0) parts.push(`Reactions: ${comment.reactions.map((r) => `${r.kind} ${r.count}`).join(", ")}`);
  return parts.join(" · ");
}

/** Leading tabs become spaces first: behind the list's indentation a tab would stop at another column. */
function indentBody(body: string, indent: string): string[] {
  const text = closeOpenBlocks(body.replace(/\r\n?/g, "\n").replace(/\s+$/, ""));
  if (text === "") return [`${indent}_(no text)_`];
  return text.split("\n").map((line) => {
    if (line.trim() === "") return "";
    const lead = /^[ \t]*/.exec(line)![0];
    let width = 0;
    for (const char of lead) width = char === "\t" ? width + 4 - (width % 4) : width + 1;
    return `${indent}${" ".repeat(width)}${line.slice(lead.length)}`;
  });
}

/**
 * Comments as a tree: each under the one it answers, in the order they were written. A reply whose parent is not
 * in the export (one member's comments, say) stands at the top and says so, rather than vanishing.
 */
function commentLines(comments: ExportComment[]): string[] {
  const ids = new Set(comments.map((c) => c.id));
  const children = new Map<string | null, ExportComment[]>();
  for (const comment of comments) {
    const parent = comment.parentId !== null && ids.has(comment.parentId) && comment.parentId !== comment.id ? comment.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), comment]);
  }
  const lines: string[] = [];
  const written = new Set<string>();
  const write = (comment: ExportComment, depth: number) => {
    if (written.has(comment.id)) return;
    written.add(comment.id);
    const indent = "  ".repeat(depth);
    const answersMissing = depth === 0 && comment.parentId !== null;
    lines.push(`${indent}- ${metaLine(comment, answersMissing)}`, "", ...indentBody(comment.body, `${indent}  `), "");
    for (const child of children.get(comment.id) ?? []) write(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) write(root, 0);
  // Parent links that loop never reach a root; such comments are still written, at the top.
  for (const comment of comments) write(comment, 0);
  return lines;
}

function threadLines(thread: ExportThread): string[] {
  const where = thread.paragraphIndex === null ? "Unanchored (its words are no longer in the essay)" : `¶ ${thread.paragraphIndex}`;
  const lines = [`## ${where}${thread.resolved ? " (resolved)" : ""}`, ""];
  if (thread.quote) lines.push(...thread.quote.exact.split(/\r\n?|\n/).map(quoteLine), "");
  else lines.push("_Whole paragraph_", "");
  if (!thread.comments.some((c) => c.parentId === null)) {
    const what = thread.kind === "highlight" ? "Highlighted" : "Marked";
    const none = thread.comments.length === 0 ? " No comments." : "";
    lines.push(`${what} by ${who(thread.author)}, ${utc(thread.createdAt)}.${none}`, "");
  }
  return [...lines, ...commentLines(thread.comments)];
}

export function discussionToMarkdown(d: Discussion): string {
  const lines = header(d);
  if (d.threads.length === 0) lines.push("", "No threads in this scope.");
  for (const thread of d.threads) {
    const own = threadLines(thread);
    while (own.at(-1) === "") own.pop();
    lines.push("", ...own);
  }
  return `${lines.join("\n")}\n`;
}

/** The same text for a discussion read as it is written out (see DiscussionStream), a thread at a time. */
export async function* markdownStream(d: DiscussionStream): AsyncGenerator<string> {
  yield `${header(d).join("\n")}\n`;
  let any = false;
  for await (const thread of d.threads) {
    any = true;
    const own = threadLines(thread);
    while (own.at(-1) === "") own.pop();
    yield `\n${own.join("\n")}\n`;
  }
  if (!any) yield "\nNo threads in this scope.\n";
}

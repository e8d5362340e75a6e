/**
 * A discussion as it leaves Gloss: what every export format is written from, and what an import reads back.
 * Plain data, loaded once (`load-discussion.server.ts`) and already filtered to what the asker may see; the
 * formats only write it out.
 *
 * Threads are annotations (a highlight on words, or a comment on a whole paragraph) with their comments in the
 * order they were written. A thread's first comment has `parentId: null`; Gloss's replies carry the first
 * comment's id as their parent, so a thread is two levels deep.
 */
import type { ReactionKind } from "../doc/layout";

export type ExportRole = "instructor" | "student" | "former member";

export type ExportPerson = { id: string; name: string; role: ExportRole };

export type ExportComment = {
  id: string;
  /** null for the thread's first comment; else the comment it answers. */
  parentId: string | null;
  author: ExportPerson;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  tags: string[];
  /** Counts per kind, only kinds with at least one, in REACTION_KINDS order. */
  reactions: Array<{ kind: ReactionKind; count: number }>;
  resolved: boolean;
  /** Only ever true in an instructor's export: students' exports leave hidden comments out. */
  hidden: boolean;
};

export type ExportThread = {
  /** The annotation's id. */
  id: string;
  /** The paragraph it is shown beside now; for an unanchored thread, the one it was written on. */
  paragraphId: string;
  /**
   * 1-based position of the paragraph among the essay's paragraphs, as readers count them; null for a thread a
   * revision left unanchored (its words are no longer in the essay), which keeps the quote and position it was
   * written with.
   */
  paragraphIndex: number | null;
  kind: "highlight" | "paragraph";
  /** The highlighted words with some context (W3C TextQuoteSelector); null for a comment on a whole paragraph. */
  quote: { exact: string; prefix: string; suffix: string } | null;
  /** UTF-16 offsets in the paragraph's text (W3C TextPositionSelector); null for a whole paragraph. */
  position: { start: number; end: number } | null;
  color: string | null;
  author: ExportPerson;
  createdAt: Date;
  /** The thread is resolved when its first comment is. */
  resolved: boolean;
  comments: ExportComment[];
};

export type ExportScope = {
  /** Only threads this member wrote in, with only their comments and each thread's opener (which their replies answer). */
  member: ExportPerson | null;
  /** Paragraph range, 1-based and inclusive. */
  from: number | null;
  to: number | null;
  /** The assignment whose passage the export holds. */
  assignment: { id: string; title: string } | null;
  includeResolved: boolean;
  includeHidden: boolean;
};

export type Discussion = {
  essay: { id: string; slug: string; title: string; author: string | null; source: string | null };
  /** null for a reader's private notes. */
  seminar: { id: string; name: string } | null;
  /** The address of the essay in Gloss, the annotations' `target.source` (absolute, e.g. https://host/essays/slug). */
  sourceUrl: string;
  exportedAt: Date;
  exportedBy: ExportPerson;
  scope: ExportScope;
  /**
   * In the essay's order: by paragraph, then by where the words start (whole-paragraph threads first), then by time;
   * unanchored threads last.
   */
  threads: ExportThread[];
};

/**
 * A discussion whose threads arrive one at a time, read from the database page by page as they are written out, so
 * an export holds one page in memory whatever its size. Writers take this or a `Discussion` (an array is iterable too).
 */
export type DiscussionStream = Omit<Discussion, "threads"> & { threads: AsyncIterable<ExportThread> | Iterable<ExportThread> };

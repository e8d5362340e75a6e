/**
 * Which threads the margin shows: the reader's filters (member, tag, colour, unresolved, mine, private) and a
 * text search over the quoted words and the comments. Pure, so it is unit-tested on plain view models.
 */
import type { HighlightColor } from "../doc/layout";
import type { CommentView, Thread } from "../doc/read";

export type ThreadFilter = {
  query: string;
  /** Threads someone took part in: highlighted the words or wrote a comment. */
  memberId: string | null;
  tag: string | null;
  color: HighlightColor | null;
  unresolved: boolean;
  mine: boolean;
  private: boolean;
};

export const NO_FILTER: ThreadFilter = { query: "", memberId: null, tag: null, color: null, unresolved: false, mine: false, private: false };

/** How many filters are set, the search included. */
export function activeFilterCount(filter: ThreadFilter): number {
  return (
    Number(filter.query.trim() !== "") +
    Number(filter.memberId !== null) +
    Number(filter.tag !== null) +
    Number(filter.color !== null) +
    Number(filter.unresolved) +
    Number(filter.mine) +
    Number(filter.private)
  );
}

export type Viewer = {
  id: string;
  /** Instructors still read hidden comments; for everyone else their text is not there to be found. */
  seesHidden: boolean;
};

function comments(thread: Thread): CommentView[] {
  return thread.opener ? [thread.opener, ...thread.replies] : thread.replies;
}

function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}

export function matchesFilter(thread: Thread, filter: ThreadFilter, viewer: Viewer): boolean {
  const all = comments(thread);
  if (filter.private && !thread.private) return false;
  if (filter.unresolved && thread.resolved) return false;
  if (filter.color && thread.annotation.color !== filter.color) return false;
  if (filter.tag && !all.some((c) => c.tags.includes(filter.tag!) && (viewer.seesHidden || !c.hidden))) return false;
  const involves = (userId: string) => thread.annotation.authorId === userId || all.some((c) => c.authorId === userId);
  if (filter.memberId && !involves(filter.memberId)) return false;
  if (filter.mine && !involves(viewer.id)) return false;
  const query = fold(filter.query.trim());
  if (query) {
    const texts = [thread.annotation.selector?.[0].exact ?? "", ...all.filter((c) => viewer.seesHidden || !c.hidden).map((c) => c.body)];
    if (!texts.some((text) => fold(text).includes(query))) return false;
  }
  return true;
}

/**
 * Which comment opens a thread: the one the server recorded (when someone else started the discussion of a
 * bare highlight), else the highlight author's first comment, else, until the server's record arrives, the
 * earliest first comment. The reading page and the write rules both decide it here.
 */
export type RootComment = { id: string; authorId: string; createdAt: number };

const byTime = (a: RootComment, b: RootComment) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function pickOpener(roots: Iterable<RootComment>, annotationAuthorId: string | undefined, recorded: string | undefined): string | undefined {
  if (recorded !== undefined) return recorded;
  const sorted = [...roots].sort(byTime);
  return (sorted.find((c) => c.authorId === annotationAuthorId) ?? sorted[0])?.id;
}

/**
 * Loads what an export holds, from the relational copy the websocket server keeps, already cut to what the asker
 * may see and asked for. Access is decided by authorizeRoom, as for the page and the websocket: members of the
 * seminar only, while the essay is on its list; a reader's private notes, their owner only.
 *
 * What is left out, and why:
 * - deleted annotations and comments (they are gone for readers too);
 * - hidden comments, unless an instructor asks for them (then they are marked hidden). For anyone else a hidden
 *   thread opener takes its thread's comments with it, as every reply answers the opener;
 * - resolved threads, when asked;
 * - for one member's contributions: threads they wrote nothing in; in the others, comments but theirs and the
 *   thread's opener, which their replies answer.
 */
import type { Db } from "../db/client.server";
import { REACTION_KINDS, type ReactionKind } from "../doc/layout";
import { AppError, AppErrorCode } from "../errors/app-error";
import { authorizeRoom } from "../rooms/authorize-room.server";
import { isInPassage, locatePassage } from "../assignments/passage";
import type { Discussion, ExportPerson, ExportRole, ExportScope, ExportThread, ExportComment } from "./discussion";

export const EXPORT_NOT_AVAILABLE = "There is no such discussion to export.";

export type ExportRequest = {
  roomId: string;
  userId: string;
  /** Where the essay is read in Gloss, absolute: the annotations' target. */
  sourceUrl: string;
  member?: string;
  from?: number;
  to?: number;
  assignment?: string;
  resolved?: boolean;
  hidden?: boolean;
  now?: Date;
};

const notAvailable = () => new AppError(AppErrorCode.NotFound, EXPORT_NOT_AVAILABLE);

export async function loadDiscussion(db: Db, request: ExportRequest): Promise<Discussion> {
  let access;
  try {
    access = await authorizeRoom(db, request.roomId, request.userId);
  } catch (error) {
    // An outsider, a removed essay and an unknown room all look the same from outside.
    if (error instanceof AppError) throw notAvailable();
    throw error;
  }
  const { room, role } = access;
  if (role === "reader") throw notAvailable(); // the open room has no owner to answer for it; not exported
  const seminarId = room.seminarId;

  const [essay, seminar, memberships, me] = await Promise.all([
    db.essay.findUniqueOrThrow({
      where: { id: room.essayId },
      select: { id: true, slug: true, title: true, author: true, source: true, paragraphs: { orderBy: { position: "asc" }, select: { id: true, position: true } } },
    }),
    seminarId ? db.seminar.findUniqueOrThrow({ where: { id: seminarId }, select: { id: true, name: true } }) : null,
    seminarId ? db.membership.findMany({ where: { seminarId }, select: { userId: true, role: true } }) : [],
    db.user.findUniqueOrThrow({ where: { id: request.userId }, select: { id: true, name: true } }),
  ]);
  const roleOf = new Map<string, ExportRole>(memberships.map((m) => [m.userId, m.role]));
  if (!seminarId) roleOf.set(me.id, "student"); // private notes: the owner is the only author
  const isInstructor = role === "instructor";
  const includeHidden = isInstructor && request.hidden === true;
  const includeResolved = request.resolved !== false;

  // Scope: who, which paragraphs.
  let member: ExportPerson | null = null;
  if (request.member) {
    if (!roleOf.has(request.member) && seminarId) throw new AppError(AppErrorCode.InvalidInput, "That person is not a member of this seminar.");
    const user = await db.user.findUnique({ where: { id: request.member }, select: { id: true, name: true } });
    if (!user) throw new AppError(AppErrorCode.InvalidInput, "That person is not a member of this seminar.");
    member = { ...user, role: roleOf.get(user.id) ?? "former member" };
  }
  let assignment: ExportScope["assignment"] = null;
  let passage: ReturnType<typeof locatePassage> = null;
  if (request.assignment) {
    const found = seminarId ? await db.assignment.findUnique({ where: { id: request.assignment } }) : null;
    // Students export only assignments they can see: open, and given to them.
    const visible =
      found &&
      found.seminarId === seminarId &&
      found.essayId === room.essayId &&
      (isInstructor ||
        (found.opensAt <= (request.now ?? new Date()) &&
          (found.audience === "everyone" || (await db.assignmentStudent.count({ where: { assignmentId: found.id, userId: request.userId } })) > 0)));
    if (!visible) throw new AppError(AppErrorCode.InvalidInput, "There is no such assignment on this essay.");
    assignment = { id: found.id, title: found.title };
    passage = locatePassage(essay.paragraphs, found);
  }
  const paragraphCount = essay.paragraphs.length;
  const from = request.from ?? null;
  const to = request.to ?? null;
  if ((from !== null && from > paragraphCount) || (to !== null && to > paragraphCount)) {
    throw new AppError(AppErrorCode.InvalidInput, `This essay has ${paragraphCount} paragraphs.`);
  }
  const indexOf = new Map(essay.paragraphs.map((p, i) => [p.id, { index: i + 1, position: p.position }]));

  const [annotations, comments, reactions] = await Promise.all([
    db.annotation.findMany({ where: { roomId: room.id, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.comment.findMany({ where: { roomId: room.id, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.reaction.findMany({ where: { roomId: room.id }, select: { commentId: true, emoji: true } }),
  ]);
  const authorIds = [...new Set([...annotations.map((a) => a.authorId), ...comments.map((c) => c.authorId)])];
  const names = new Map((await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const person = (id: string): ExportPerson => ({ id, name: names.get(id) ?? "Unknown reader", role: roleOf.get(id) ?? "former member" });

  const reactionCounts = new Map<string, Map<string, number>>();
  for (const r of reactions) {
    const counts = reactionCounts.get(r.commentId) ?? new Map<string, number>();
    counts.set(r.emoji, (counts.get(r.emoji) ?? 0) + 1);
    reactionCounts.set(r.commentId, counts);
  }
  const reactionsOf = (commentId: string) =>
    REACTION_KINDS.flatMap((kind: ReactionKind) => {
      const count = reactionCounts.get(commentId)?.get(kind) ?? 0;
      return count > 0 ? [{ kind, count }] : [];
    });

  const byAnnotation = new Map<string, typeof comments>();
  for (const c of comments) {
    const list = byAnnotation.get(c.annotationId) ?? [];
    list.push(c);
    byAnnotation.set(c.annotationId, list);
  }

  const threads: Array<ExportThread & { order: [number, number, number] }> = [];
  for (const a of annotations) {
    const place = indexOf.get(a.paragraphId);
    if (!place) continue;
    if (from !== null && place.index < from) continue;
    if (to !== null && place.index > to) continue;
    if (passage && !isInPassage(passage, { position: place.position, kind: a.kind, start: a.start, end: a.end })) continue;

    let own = byAnnotation.get(a.id) ?? [];
    const opener = own.find((c) => c.parentId === null) ?? null;
    if (!includeHidden) {
      // Replies answer the opener: without it they would answer nothing the reader may see.
      if (opener?.hiddenAt) own = [];
      else own = own.filter((c) => !c.hiddenAt);
      if (own.length === 0 && (byAnnotation.get(a.id)?.length ?? 0) > 0) continue;
    }
    const resolved = opener?.resolvedAt != null;
    if (resolved && !includeResolved) continue;
    if (member) {
      const wroteAny = a.authorId === member.id || own.some((c) => c.authorId === member.id);
      if (!wroteAny) continue;
      own = own.filter((c) => c.authorId === member.id || c.id === opener?.id);
    }
    const exported: ExportComment[] = own.map((c) => ({
      id: c.id,
      parentId: c.parentId,
      author: person(c.authorId),
      body: c.body,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      tags: c.tags,
      reactions: reactionsOf(c.id),
      resolved: c.resolvedAt !== null,
      hidden: c.hiddenAt !== null,
    }));
    const isHighlight = a.kind === "highlight" && a.start !== null && a.end !== null;
    threads.push({
      id: a.id,
      paragraphId: a.paragraphId,
      paragraphIndex: place.index,
      kind: isHighlight ? "highlight" : "paragraph",
      quote: isHighlight ? { exact: a.quote ?? "", prefix: a.prefix ?? "", suffix: a.suffix ?? "" } : null,
      position: isHighlight ? { start: a.start!, end: a.end! } : null,
      color: a.color,
      author: person(a.authorId),
      createdAt: a.createdAt,
      resolved,
      comments: exported,
      order: [place.index, isHighlight ? a.start! : -1, a.createdAt.getTime()],
    });
  }
  threads.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1] || x.order[2] - y.order[2]);

  return {
    essay: { id: essay.id, slug: essay.slug, title: essay.title, author: essay.author, source: essay.source },
    seminar,
    sourceUrl: request.sourceUrl,
    exportedAt: request.now ?? new Date(),
    exportedBy: { ...me, role: roleOf.get(me.id) ?? "former member" },
    scope: { member, from, to, assignment, includeResolved, includeHidden },
    threads: threads.map(({ order: _order, ...thread }) => thread),
  };
}

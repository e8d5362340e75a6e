/**
 * Brings a Gloss JSON-LD export into a seminar's discussion of an essay: each thread anchored to the same words in
 * this essay (lib/doc/anchor.ts: the position if the words are still there, else the quote), replies under their
 * parents, the original times kept. Everything is written under the importing instructor's account; the name shown
 * is a member's own when the author is a member of this seminar, else "imported: <name>". Instructors only, and not
 * in an archived seminar.
 *
 * What is not brought in, and said so in the report: hidden comments (and replies to them: a new seminar should not
 * receive text an instructor withdrew elsewhere), threads whose words are not in this essay, reactions (they are
 * counts, not people). New ids are derived from the file's, so importing the same file twice adds nothing.
 */
import { createHash } from "node:crypto";
import * as Y from "yjs";
import type { Db } from "../db/client.server";
import { locate, selectorsFor } from "../doc/anchor";
import { ANNOTATIONS, AnnotationSchema, COMMENTS, CommentSchema, RESOLVED, entryKey, roomIdFor, type Annotation, type Comment } from "../doc/layout";
import { AppError, AppErrorCode } from "../errors/app-error";
import { authorizeRoom } from "../rooms/authorize-room.server";
import { getRoomWriter } from "../rooms/room-writer";
import type { ExportPerson, ExportThread } from "./discussion";
import { parseJsonLd } from "./parse-jsonld";
import { IN_ESSAY } from "../essays/in-essay";

export const IMPORT_NOT_AVAILABLE = "There is no such discussion to import into.";

export type ImportReport = {
  threads: number;
  comments: number;
  /** Already in this discussion from an earlier import of the same file. */
  alreadyThere: number;
  /** Anchored by their quote, because the words had moved. */
  reanchored: number;
  /** Not brought in: their words are not in this essay. paragraphIndex is null for a thread unanchored in the file. */
  unanchored: Array<{ paragraphIndex: number | null; quote: string }>;
  hiddenLeftOut: number;
  reactionsLeftOut: number;
};

type Paragraph = { id: string; text: string };

/** A new id for an entry of the file in this room: stable, so a second import of the file finds its entries. */
const newId = (roomId: string, sourceId: string) => `im${createHash("sha256").update(`${roomId} ${sourceId}`).digest("base64url").slice(0, 22)}`;

/** Where a thread goes in this essay: its paragraph, and for a highlight the words, by position or by quote. */
function anchor(thread: ExportThread, paragraphs: Paragraph[]): { paragraph: Paragraph; span: { start: number; end: number } | null; moved: boolean } | null {
  // A thread unanchored where it was exported has no home: its words are looked for everywhere.
  const home = thread.paragraphIndex === null ? undefined : paragraphs[thread.paragraphIndex - 1];
  if (!thread.quote || !thread.position) return home ? { paragraph: home, span: null, moved: false } : null;
  const quote = { type: "TextQuoteSelector" as const, exact: thread.quote.exact, prefix: thread.quote.prefix, suffix: thread.quote.suffix };
  const position = { type: "TextPositionSelector" as const, start: thread.position.start, end: thread.position.end };
  if (home) {
    const span = locate(home.text, [quote, position]);
    if (span) return { paragraph: home, span, moved: span.start !== position.start || span.end !== position.end };
  }
  // The paragraphs may be numbered differently here: look for the words in the others, nearest first.
  const byDistance = paragraphs.map((p, i) => ({ p, d: thread.paragraphIndex === null ? i : Math.abs(i + 1 - thread.paragraphIndex) })).sort((a, b) => a.d - b.d);
  for (const { p } of byDistance) {
    if (p === home) continue;
    const span = locate(p.text, [quote, position]);
    if (span) return { paragraph: p, span, moved: true };
  }
  return null;
}

export async function importDiscussion(db: Db, { seminarId, essayId, userId, json }: { seminarId: string; essayId: string; userId: string; json: unknown }): Promise<ImportReport> {
  const roomId = roomIdFor(essayId, seminarId);
  let access;
  try {
    access = await authorizeRoom(db, roomId, userId);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(AppErrorCode.NotFound, IMPORT_NOT_AVAILABLE);
    throw error;
  }
  if (access.role !== "instructor") throw new AppError(AppErrorCode.NotFound, IMPORT_NOT_AVAILABLE);
  if (access.readOnly) throw new AppError(AppErrorCode.Forbidden, "This seminar is archived: nothing can be added to it.");
  const parsed = parseJsonLd(json);
  if (!parsed.ok) throw new AppError(AppErrorCode.InvalidInput, `This file cannot be imported: ${parsed.error}`);
  const writer = getRoomWriter();
  if (!writer) throw new Error("imports need the live server of this process (server/ws-server.ts)");

  const [paragraphs, members, importer] = await Promise.all([
    db.paragraph.findMany({ where: { essayId, ...IN_ESSAY }, orderBy: { position: "asc" }, select: { id: true, text: true } }),
    db.membership.findMany({ where: { seminarId }, select: { user: { select: { id: true, name: true } } } }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true } }),
  ]);
  const memberName = new Map(members.map((m) => [m.user.id, m.user.name]));
  // Every entry belongs to the importer's account: a file cannot make a student the author of words they did not
  // write here, or earn them credit on an assignment. Only the name shown is the member's own.
  const as = (person: ExportPerson) => ({
    authorId: importer.id,
    authorName: (memberName.has(person.id) ? memberName.get(person.id)! : `imported: ${person.name}`).slice(0, 100),
  });

  const report: ImportReport = { threads: 0, comments: 0, alreadyThere: 0, reanchored: 0, unanchored: [], hiddenLeftOut: 0, reactionsLeftOut: 0 };
  const annotations: Annotation[] = [];
  const comments: Comment[] = [];
  const resolved: Array<{ commentId: string; at: number }> = [];
  for (const thread of parsed.discussion.threads) {
    const place = anchor(thread, paragraphs);
    if (!place) {
      report.unanchored.push({ paragraphIndex: thread.paragraphIndex, quote: thread.quote?.exact ?? "" });
      continue;
    }
    if (place.moved) report.reanchored++;
    const annotationId = newId(roomId, thread.id);
    const annotation = AnnotationSchema.parse({
      id: annotationId,
      ...as(thread.author),
      paragraphId: place.paragraph.id,
      kind: place.span ? "highlight" : "paragraph",
      color: place.span ? (thread.color ?? "yellow") : null,
      selector: place.span ? selectorsFor(place.paragraph.text, place.span) : null,
      createdAt: thread.createdAt.getTime(),
    });
    annotations.push(annotation);
    const left = new Set<string>();
    for (const c of thread.comments) {
      report.reactionsLeftOut += c.reactions.reduce((n, r) => n + r.count, 0);
      if (c.hidden || (c.parentId !== null && left.has(c.parentId))) {
        left.add(c.id);
        report.hiddenLeftOut++;
        continue;
      }
      const parentId = c.parentId === null ? null : newId(roomId, c.parentId);
      const checked = CommentSchema.safeParse({
        id: newId(roomId, c.id),
        ...as(c.author),
        annotationId,
        parentId: parentId !== null && thread.comments.some((p) => p.id === c.parentId) ? parentId : null,
        body: c.body.slice(0, 10_000),
        createdAt: c.createdAt.getTime(),
        editedAt: c.editedAt?.getTime() ?? null,
        tags: c.tags.filter((t) => t.length >= 1 && t.length <= 24).slice(0, 6),
        mentions: [],
      });
      if (!checked.success) {
        left.add(c.id);
        continue;
      }
      comments.push(checked.data);
      if (c.resolved && c.parentId === null) resolved.push({ commentId: checked.data.id, at: c.createdAt.getTime() });
    }
  }

  await writer(roomId, (doc: Y.Doc) => {
    const annotationMap = doc.getMap(ANNOTATIONS);
    const commentMap = doc.getMap(COMMENTS);
    for (const a of annotations) {
      const key = entryKey(a.authorId, a.id);
      if (annotationMap.has(key)) report.alreadyThere++;
      else (annotationMap.set(key, a), report.threads++);
    }
    for (const c of comments) {
      const key = entryKey(c.authorId, c.id);
      if (!commentMap.has(key)) (commentMap.set(key, c), report.comments++);
    }
    for (const r of resolved) {
      if (!doc.getMap(RESOLVED).has(r.commentId)) doc.getMap(RESOLVED).set(r.commentId, { id: r.commentId, byId: importer.id, byName: importer.name.slice(0, 100), at: Date.now() });
    }
  });
  return report;
}

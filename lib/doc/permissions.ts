import {
  ANCHORS,
  ANNOTATIONS,
  BUILT_IN_TAGS,
  COMMENTS,
  entrySchemas,
  HIDDEN,
  isRootMapName,
  MAX_CLOCK_AHEAD_MS,
  OPENERS,
  parseEntryKey,
  REACTIONS,
  RESOLVED,
  type Anchor,
} from "./layout";

/** The role comes from the database (lib/rooms/authorize-room.server.ts), never from the client. */
export type WriterRole = "instructor" | "student" | "owner" | "reader";
export type Writer = { id: string; name: string; role?: WriterRole };
export type Refusal = { reason: string };

/**
 * A comment as the rules know it. A deleted comment keeps its author (its key stays in the document) but
 * nothing else: moderation and reactions that race with its deletion are allowed, and the server then
 * removes them, rather than close an honest client's connection over timing.
 */
export type CommentFact =
  | { deleted: false; authorId: string; parentId: string | null; annotationId?: string; createdAt?: number }
  | { deleted: true; authorId: string };

/** What the rules need to know about the room beyond the entry itself. Absent facts are not checked. */
export type RoomFacts = {
  /** The comment with this id, if the room has ever had it. */
  comment?: (id: string) => CommentFact | undefined;
  /** The live annotation with this id. */
  annotation?: (id: string) => { authorId: string; createdAt: number } | undefined;
  /** The id of the comment that opened the thread on this annotation (lib/doc/layout.ts, "openers"). */
  openerOf?: (annotationId: string) => string | undefined;
  /** Who wrote the annotation or comment with this id, if one was ever written in the room (deleted ones too). */
  entryAuthor?: (map: typeof ANNOTATIONS | typeof COMMENTS, id: string) => string | undefined;
  /** The value stored under `key` now, for overwrites. */
  current?: (map: string, key: string) => unknown;
  /** The server's clock (the client's estimate of it): no entry may claim a time past it by more than a minute. */
  now?: number;
  paragraphIds?: ReadonlySet<string>;
  /** The seminar's own tags, added to BUILT_IN_TAGS. */
  tags?: ReadonlySet<string>;
  /** Who may be mentioned: the seminar's members. */
  memberIds?: ReadonlySet<string>;
};

const refuse = (reason: string): Refusal => ({ reason });

/**
 * May `writer` put `value` under `key` in the root map `map`? Used by the websocket server on every incoming
 * item and by the client before it writes, so both agree on the rules. Returns null when allowed.
 */
export function checkSet(map: string, key: string, value: unknown, writer: Writer, facts: RoomFacts = {}): Refusal | null {
  if (!isRootMapName(map)) return refuse(`unknown map "${map}"`);
  if (map === OPENERS) return refuse("only the server records who opened a thread");
  const parsed = entrySchemas[map].safeParse(value);
  if (!parsed.success) return refuse(`invalid ${map} entry: ${parsed.error.issues[0]?.message ?? "bad shape"}`);
  const entry = parsed.data;

  if (map === ANCHORS) return checkAnchor(key, entry as Anchor, writer, facts);
  if (map === HIDDEN || map === RESOLVED) {
    if (entry.id !== key) return refuse("a moderation entry's key must be the comment's id");
    if ("byId" in entry && (entry.byId !== writer.id || entry.byName !== writer.name)) {
      return refuse("moderation is recorded in the moderator's own name");
    }
    if ("at" in entry) {
      const target = facts.comment?.(key);
      const refusal = checkTime(entry.at, target && !target.deleted ? target.createdAt : undefined, facts);
      if (refusal) return refusal;
    }
    return checkModeration(map, key, writer, facts);
  }

  const owner = parseEntryKey(key);
  if (!owner) return refuse(`malformed key "${key}"`);
  if (owner.authorId !== writer.id) return refuse("entries may only be written by their author");
  if (!("authorId" in entry) || entry.id !== owner.id || entry.authorId !== writer.id) {
    return refuse("an entry's key must match its id and author");
  }
  if (entry.authorName !== writer.name) return refuse("authorName must be the writer's own name");
  if ("withheld" in entry && entry.withheld) return refuse("only the server withholds a hidden comment's text");

  if (map === ANNOTATIONS || map === COMMENTS) {
    const taken = facts.entryAuthor?.(map, entry.id);
    if (taken !== undefined && taken !== writer.id) return refuse("another entry in this room already has this id");
  }
  if ("paragraphId" in entry && facts.paragraphIds && !facts.paragraphIds.has(entry.paragraphId)) {
    return refuse("the paragraph is not part of this room's essay");
  }
  if (map === COMMENTS && "tags" in entry) {
    const unknown = entry.tags.find((tag) => !(BUILT_IN_TAGS as readonly string[]).includes(tag) && !facts.tags?.has(tag));
    if (unknown !== undefined) return refuse(`"${unknown}" is not one of this seminar's tags`);
    if (facts.memberIds && entry.mentions.some((id) => !facts.memberIds!.has(id))) {
      return refuse("only members of the seminar can be mentioned");
    }
  }
  if (map === REACTIONS && facts.comment && !facts.comment(entry.id)) return refuse("no such comment to react to");
  return checkEntryTimes(map, key, entry, facts);
}

/**
 * Times order threads and stand in exports, so they are bounded: never more than a minute past the server's
 * clock, never before what they answer (a reply before its parent, a comment before its highlight), and an
 * edit keeps the time its entry was created. Older times are allowed, because notes written offline arrive
 * late; the server records when it received each entry for anything that is graded (see ARCHITECTURE.md).
 */
function checkEntryTimes(map: string, key: string, entry: { createdAt: number } & Record<string, unknown>, facts: RoomFacts): Refusal | null {
  let notBefore: number | undefined;
  if (map === COMMENTS) {
    const annotation = typeof entry.annotationId === "string" ? facts.annotation?.(entry.annotationId) : undefined;
    const parent = typeof entry.parentId === "string" ? facts.comment?.(entry.parentId) : undefined;
    notBefore = Math.max(annotation?.createdAt ?? 0, parent && !parent.deleted ? (parent.createdAt ?? 0) : 0);
  } else if (map === REACTIONS) {
    const target = facts.comment?.(String(entry.id));
    notBefore = target && !target.deleted ? target.createdAt : undefined;
  }
  const refusal = checkTime(entry.createdAt, notBefore, facts);
  if (refusal) return refusal;
  if (map === ANNOTATIONS || map === COMMENTS) {
    const previous = facts.current?.(map, key) as { createdAt?: unknown } | undefined;
    if (previous && previous.createdAt !== entry.createdAt) return refuse("an edit keeps the time the entry was created");
  }
  if (typeof entry.editedAt === "number") {
    if (entry.editedAt < entry.createdAt) return refuse("an edit cannot come before the comment it changes");
    return checkTime(entry.editedAt, undefined, facts);
  }
  return null;
}

function checkTime(at: number, notBefore: number | undefined, facts: RoomFacts): Refusal | null {
  if (facts.now !== undefined && at > facts.now + MAX_CLOCK_AHEAD_MS) return refuse("a time in the future is not allowed");
  if (notBefore !== undefined && at < notBefore) return refuse("a time before the entry it answers is not allowed");
  return null;
}

/** May `writer` delete the entry stored under `key` in `map`? */
export function checkDelete(map: string, key: string, writer: Writer, facts: RoomFacts = {}): Refusal | null {
  if (!isRootMapName(map)) return refuse(`unknown map "${map}"`);
  if (map === OPENERS) return refuse("only the server records who opened a thread");
  if (map === HIDDEN || map === RESOLVED) return checkModeration(map, key, writer, facts);
  if (map === ANCHORS) return moderates(writer.role) ? null : refuse("only instructors re-attach notes");
  const owner = parseEntryKey(key);
  if (!owner || owner.authorId !== writer.id) return refuse("entries may only be deleted by their author");
  return null;
}

/**
 * Hiding is for instructors; resolving for instructors and the thread's author, who wrote its opening comment
 * (another first comment on the same highlight never takes the thread over). Both apply to comments the room
 * has; on a comment deleted meanwhile they are allowed and then undone by the server (see CommentFact).
 */
/** An instructor's placement of a note after a revision (layout.ts, AnchorSchema). */
function checkAnchor(key: string, anchor: Anchor, writer: Writer, facts: RoomFacts): Refusal | null {
  if (anchor.id !== key) return refuse("a placement's key must be the note's id");
  if (anchor.byId !== writer.id || anchor.byName !== writer.name) return refuse("a placement is recorded in the instructor's own name");
  if (!moderates(writer.role)) return refuse("only instructors re-attach notes");
  if (facts.annotation && !facts.annotation(key)) return refuse("no such note to re-attach");
  if (facts.paragraphIds && !facts.paragraphIds.has(anchor.paragraphId)) return refuse("the paragraph is not part of this room's essay");
  return checkTime(anchor.at, undefined, facts);
}

/**
 * Whether `role` moderates its room: hides and shows comments, resolves any thread, reads hidden text. The one rule,
 * asked by the checks below and by the reading room's cards alike.
 */
export function moderates(role: WriterRole | undefined): boolean {
  return role === "instructor";
}

/** Whether `writer` may resolve or reopen the thread opened by `openerAuthorId`: its author, or a moderator. */
export function mayResolve(writer: Writer, openerAuthorId: string): boolean {
  return moderates(writer.role) || openerAuthorId === writer.id;
}

function checkModeration(map: typeof HIDDEN | typeof RESOLVED, commentId: string, writer: Writer, facts: RoomFacts): Refusal | null {
  const target = facts.comment?.(commentId);
  if (facts.comment && !target) return refuse("no such comment");
  if (moderates(writer.role)) return null;
  if (map === HIDDEN) return refuse("only instructors can hide comments");
  if (target?.deleted) return target.authorId === writer.id ? null : refuse("only the thread's author or an instructor can resolve it");
  if (target && target.parentId !== null) return refuse("only a thread's first comment can be resolved");
  if (!target || target.authorId !== writer.id) return refuse("only the thread's author or an instructor can resolve it");
  if (facts.openerOf && target.annotationId !== undefined && facts.openerOf(target.annotationId) !== commentId) {
    return refuse("only the thread's author or an instructor can resolve it");
  }
  return null;
}

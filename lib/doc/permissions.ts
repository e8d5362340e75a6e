import { BUILT_IN_TAGS, COMMENTS, entrySchemas, HIDDEN, isRootMapName, parseEntryKey, REACTIONS, RESOLVED } from "./layout";

/** The role comes from the database (lib/rooms/authorize-room.server.ts), never from the client. */
export type WriterRole = "instructor" | "student" | "owner" | "reader";
export type Writer = { id: string; name: string; role?: WriterRole };
export type Refusal = { reason: string };

/** What the rules need to know about the room beyond the entry itself. Absent facts are not checked. */
export type RoomFacts = {
  /** The comment with this id, if the room has it. */
  comment?: (id: string) => { authorId: string; parentId: string | null } | undefined;
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
  const parsed = entrySchemas[map].safeParse(value);
  if (!parsed.success) return refuse(`invalid ${map} entry: ${parsed.error.issues[0]?.message ?? "bad shape"}`);
  const entry = parsed.data;

  if (map === HIDDEN || map === RESOLVED) {
    if (entry.id !== key) return refuse("a moderation entry's key must be the comment's id");
    if ("byId" in entry && (entry.byId !== writer.id || entry.byName !== writer.name)) {
      return refuse("moderation is recorded in the moderator's own name");
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
  return null;
}

/** May `writer` delete the entry stored under `key` in `map`? */
export function checkDelete(map: string, key: string, writer: Writer, facts: RoomFacts = {}): Refusal | null {
  if (!isRootMapName(map)) return refuse(`unknown map "${map}"`);
  if (map === HIDDEN || map === RESOLVED) return checkModeration(map, key, writer, facts);
  const owner = parseEntryKey(key);
  if (!owner || owner.authorId !== writer.id) return refuse("entries may only be deleted by their author");
  return null;
}

/** Hiding is for instructors; resolving for instructors and the thread's author. Both apply to existing comments. */
function checkModeration(map: typeof HIDDEN | typeof RESOLVED, commentId: string, writer: Writer, facts: RoomFacts): Refusal | null {
  const target = facts.comment?.(commentId);
  if (facts.comment && !target) return refuse("no such comment");
  if (writer.role === "instructor") return null;
  if (map === HIDDEN) return refuse("only instructors can hide comments");
  if (target && target.parentId !== null) return refuse("only a thread's first comment can be resolved");
  if (!target || target.authorId !== writer.id) return refuse("only the thread's author or an instructor can resolve it");
  return null;
}

/**
 * The layout of a room's Yjs document, shared by the browser client, the websocket server's update checks,
 * the relational copy and the tests. See ARCHITECTURE.md, "The live document".
 *
 * Root Y.Maps, each holding immutable JSON values (never nested Y types):
 *   annotations: `${authorId}:${annotationId}` -> Annotation   (a highlight on words, or a whole paragraph)
 *   comments:    `${authorId}:${commentId}`    -> Comment      (thread root: parentId null; reply: parentId set)
 *   reactions:   `${authorId}:${commentId}`    -> Reaction     (one per person per comment, by construction)
 *   hidden:      `${commentId}`                -> Moderation   (an instructor hid the comment)
 *   resolved:    `${rootCommentId}`            -> Moderation   (the thread's author or an instructor resolved it)
 *   openers:     `${annotationId}`             -> Opener       (written by the server only: see below)
 * The author is part of every owned key, so the server can tell who owns an entry from the key alone, including
 * for deletions and for overwrites whose update carries no parent information. Editing an entry replaces its
 * value. Moderation keys name the comment; who may write them depends on the seminar role and that comment.
 *
 * A thread's opener is its highlight author's first comment. Anyone may start the discussion of someone
 * else's bare highlight; the first such comment the server accepts is recorded in `openers`, by the server,
 * so no later comment (however it is timed) can take the thread over (lib/doc/read.ts, permissions.ts).
 */
import { z } from "zod";

export const ANNOTATIONS = "annotations";
export const COMMENTS = "comments";
export const REACTIONS = "reactions";
export const HIDDEN = "hidden";
export const RESOLVED = "resolved";
export const OPENERS = "openers";
export const ANCHORS = "anchors";
export const ROOT_MAPS = [ANNOTATIONS, COMMENTS, REACTIONS, HIDDEN, RESOLVED, OPENERS, ANCHORS] as const;
export type RootMapName = (typeof ROOT_MAPS)[number];

export const HIGHLIGHT_COLORS = ["yellow", "green", "blue", "pink", "violet"] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

const id = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, "ids are 6-64 url-safe characters");
const timestamp = z.number().int().nonnegative();

/** How far past the server's clock a client's time may be: clocks drift, and a page's estimate of the server's is rough. */
export const MAX_CLOCK_AHEAD_MS = 60_000;

/** W3C Web Annotation TextQuoteSelector, relative to one paragraph's text. */
export const TextQuoteSelectorSchema = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1).max(5000),
  prefix: z.string().max(64),
  suffix: z.string().max(64),
});
/** W3C Web Annotation TextPositionSelector: UTF-16 offsets within the paragraph's text. */
export const TextPositionSelectorSchema = z
  .object({
    type: z.literal("TextPositionSelector"),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((s) => s.end > s.start, "a position selector must cover at least one character");

export const AnnotationSchema = z
  .object({
    id,
    authorId: id,
    authorName: z.string().min(1).max(100),
    /** Target source: the stable id of a Paragraph row. */
    paragraphId: id,
    kind: z.enum(["highlight", "paragraph"]),
    color: z.enum(HIGHLIGHT_COLORS).nullable(),
    /** Present for highlights, null for comments on a whole paragraph. */
    selector: z.tuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]).nullable(),
    createdAt: timestamp,
  })
  .strict()
  .refine((a) => (a.kind === "highlight") === (a.selector !== null), "only highlights carry a selector");
export type Annotation = z.infer<typeof AnnotationSchema>;
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;

export const COMMENT_MAX_LENGTH = 10_000;
export const CommentSchema = z
  .object({
    id,
    authorId: id,
    authorName: z.string().min(1).max(100),
    annotationId: id,
    /** null for the comment that opens a thread; the thread root's id for a reply. */
    parentId: id.nullable(),
    body: z.string().max(COMMENT_MAX_LENGTH, `a comment can be at most ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters long`),
    createdAt: timestamp,
    editedAt: timestamp.nullable(),
    /** Seminar tags (BUILT_IN_TAGS plus the seminar's own). */
    tags: z.array(z.string().min(1).max(24)).max(6, "a comment can carry at most 6 tags").default([]),
    /** Ids of seminar members mentioned with @. */
    mentions: z.array(id).max(20, "a comment can mention at most 20 people").default([]),
    /**
     * Set by the server, never by a client, on a comment an instructor hid: the body is then empty, and the
     * full entry is kept outside the shared document (instructors and the author read it over HTTP).
     */
    withheld: z.literal(true).optional(),
  })
  .strict()
  .refine((c) => (c.withheld ? c.body === "" : c.body.trim().length > 0), { message: "a comment needs some text", path: ["body"] });
export type Comment = z.input<typeof CommentSchema>;

export const REACTION_KINDS = ["agree", "insightful", "question", "thanks"] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export const ReactionSchema = z
  .object({
    /** The comment reacted to; the key is `${authorId}:${commentId}`. */
    id,
    authorId: id,
    authorName: z.string().min(1).max(100),
    reaction: z.enum(REACTION_KINDS),
    createdAt: timestamp,
  })
  .strict();
export type Reaction = z.infer<typeof ReactionSchema>;

/** A hide or a resolve: who did it and when. The key is the comment's id. */
export const ModerationSchema = z
  .object({ id, byId: id, byName: z.string().min(1).max(100), at: timestamp })
  .strict();
export type Moderation = z.infer<typeof ModerationSchema>;

/** Which comment opened the thread on an annotation, when it is not the highlight author's own. Key: the annotation's id. */
export const OpenerSchema = z.object({ id, commentId: id, at: timestamp }).strict();
export type Opener = z.infer<typeof OpenerSchema>;

/**
 * Where an instructor placed a note after a revision, overriding the annotation's own selector: a placement they
 * confirmed, or words they attached it to by hand (the review queue, issue 10). Key: the annotation's id. The
 * author's entry is left as written; readers place the note here instead.
 */
export const AnchorSchema = z
  .object({
    id,
    paragraphId: id,
    selector: z.tuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]),
    byId: id,
    byName: z.string().min(1).max(100),
    at: timestamp,
  })
  .strict();
export type Anchor = z.infer<typeof AnchorSchema>;

export const entrySchemas = {
  [ANNOTATIONS]: AnnotationSchema,
  [COMMENTS]: CommentSchema,
  [REACTIONS]: ReactionSchema,
  [HIDDEN]: ModerationSchema,
  [RESOLVED]: ModerationSchema,
  [OPENERS]: OpenerSchema,
  [ANCHORS]: AnchorSchema,
} as const;


export function entryKey(authorId: string, entryId: string): string {
  return `${authorId}:${entryId}`;
}

export function parseEntryKey(key: string): { authorId: string; id: string } | null {
  const at = key.indexOf(":");
  if (at <= 0 || at === key.length - 1) return null;
  return { authorId: key.slice(0, at), id: key.slice(at + 1) };
}

export function isRootMapName(name: string): name is RootMapName {
  return (ROOT_MAPS as readonly string[]).includes(name);
}

/** The room that an essay's readers share until they belong to a seminar; seminar rooms use the seminar id. */
export const OPEN_ROOM = "open";
export function roomIdFor(essayId: string, seminarId: string | null): string {
  return `${essayId}.${seminarId ?? OPEN_ROOM}`;
}

/** A reader's private notes on an essay: a room of their own, so no other client ever receives them. */
export function privateRoomIdFor(essayId: string, userId: string): string {
  return `${essayId}.u-${userId}`;
}

/** Tags every seminar has; instructors can add more per seminar (SeminarTag). */
export const BUILT_IN_TAGS = ["question", "key point", "disagree", "evidence"] as const;

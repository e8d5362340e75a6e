/**
 * Reads back what `to-jsonld.ts` writes: a Gloss discussion as W3C Web Annotations, into the threads of a
 * `Discussion` (passage, paragraph, comments with their parents, authors, bodies, tags, times, resolved,
 * hidden, reactions), for an import to check and store. It never throws: anything else, a file from another
 * tool included, gets `{ ok: false, error }` saying what is wrong and where, in words a person can act on.
 *
 * It reads the JSON as written (compacted against the Web Annotation context), not as RDF: a JSON-LD document
 * that means the same but is shaped differently is refused rather than guessed at. Gloss's own facts are
 * required where a thread cannot be rebuilt without them (the thread, the paragraph's number, roles) and
 * optional where absence has an obvious meaning (no colour, no reactions, not resolved, not hidden).
 */
import { z } from "zod";
import { HIGHLIGHT_COLORS, REACTION_KINDS } from "../doc/layout";
import type { ExportComment, ExportPerson, ExportThread } from "./discussion";
import { ANNO_CONTEXT, PARAGRAPH_SELECTOR_PATTERN, URN_PATTERN } from "./jsonld-terms";

export type ParsedDiscussion = {
  /** The essay the annotations were made on, as the file says (`target.source`). */
  source: string;
  threads: ExportThread[];
};

export type ParseJsonLdResult = { ok: true; discussion: ParsedDiscussion } | { ok: false; error: string };

const MAX_LISTED_PROBLEMS = 10;

const urnOf = (pattern: RegExp, what: string) =>
  z.string().regex(pattern, `should be ${what}`).transform((value) => pattern.exec(value)![1]!);

const Time = z.iso.datetime({ offset: true, message: "should be a date and time such as 2027-05-01T09:00:00Z" }).transform((value) => new Date(value));

const Agent = z.object({
  id: urnOf(URN_PATTERN.user, "a Gloss user (urn:gloss:user:…)"),
  type: z.literal("Person"),
  name: z.string().min(1, "should be a name"),
  "gloss:role": z.enum(["instructor", "student", "former member"]),
});

const Refinement = z.discriminatedUnion("type", [
  z.object({ type: z.literal("TextQuoteSelector"), exact: z.string().min(1, "should quote at least one character"), prefix: z.string().default(""), suffix: z.string().default("") }),
  z.object({ type: z.literal("TextPositionSelector"), start: z.number().int().nonnegative(), end: z.number().int().positive() }).refine((s) => s.end > s.start, "should end after it starts"),
]);

const ParagraphSelector = z.object({
  type: z.literal("CssSelector"),
  value: urnOf(PARAGRAPH_SELECTOR_PATTERN, "a Gloss paragraph (#p-…)"),
  refinedBy: Refinement.optional(),
});

/** One value or several, as the model allows; read as a list, so that a problem is reported at its place in it. */
const oneOrMore = <T extends z.ZodType>(item: T) => z.preprocess((value) => (Array.isArray(value) || value === undefined ? value : [value]), z.array(item).min(1));

const Passage = z.object({
  source: z.string().min(1, "should name the essay"),
  selector: oneOrMore(ParagraphSelector),
});

const TextualBody = z.object({
  type: z.literal("TextualBody"),
  value: z.string(),
  purpose: z.enum(["commenting", "replying", "tagging"]).optional(),
});

const AnyAnnotation = {
  id: z.string(),
  type: z.literal("Annotation"),
  creator: Agent,
  created: Time,
  "gloss:thread": urnOf(URN_PATTERN.annotation, "a Gloss thread (urn:gloss:annotation:…)"),
  "gloss:resolved": z.boolean().default(false),
};
const OnPassage = {
  target: Passage,
  // Absent for a thread the exporting essay's revision left unanchored ("gloss:unanchored").
  "gloss:paragraphIndex": z.number().int().positive().optional(),
  "gloss:unanchored": z.literal(true).optional(),
  "gloss:color": z.enum(HIGHLIGHT_COLORS).optional(),
};
const Commented = {
  id: urnOf(URN_PATTERN.comment, "a Gloss comment (urn:gloss:comment:…)"),
  modified: Time.optional(),
  body: oneOrMore(TextualBody),
  "gloss:hidden": z.boolean().default(false),
  "gloss:reactions": z.partialRecord(z.enum(REACTION_KINDS), z.number().int().positive()).optional(),
};

const Annotation = z.discriminatedUnion("motivation", [
  z.object({ ...AnyAnnotation, ...OnPassage, motivation: z.literal("highlighting"), id: urnOf(URN_PATTERN.annotation, "a Gloss annotation (urn:gloss:annotation:…)") }),
  z.object({ ...AnyAnnotation, ...OnPassage, ...Commented, motivation: z.literal("commenting"), "gloss:highlightedBy": Agent.optional(), "gloss:highlightedAt": Time.optional() }),
  z.object({ ...AnyAnnotation, ...Commented, motivation: z.literal("replying"), target: urnOf(URN_PATTERN.comment, "the comment it answers (urn:gloss:comment:…)") }),
]);
type Annotation = z.infer<typeof Annotation>;

const Collection = z.object({
  "@context": z.union([z.literal(ANNO_CONTEXT), z.array(z.unknown()).refine((c) => c.includes(ANNO_CONTEXT))], {
    message: `should name the Web Annotation context, ${ANNO_CONTEXT}`,
  }),
  type: z.literal("AnnotationCollection"),
  total: z.number().int().nonnegative(),
  first: z.object({
    type: z.literal("AnnotationPage"),
    items: z.array(Annotation),
    next: z.undefined({ message: "should not continue on another page: export the discussion as one file" }).optional(),
  }),
});

const where = (path: ReadonlyArray<PropertyKey>) =>
  path.reduce<string>((at, key) => (typeof key === "number" ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key)), "") || "the file";

function refuse(problems: string[]): ParseJsonLdResult {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `- ${p}`);
  if (problems.length > MAX_LISTED_PROBLEMS) listed.push(`- and ${problems.length - MAX_LISTED_PROBLEMS} more`);
  return { ok: false, error: `This is not a Gloss discussion in W3C Web Annotation JSON-LD:\n${listed.join("\n")}` };
}

const person = (agent: z.infer<typeof Agent>): ExportPerson => ({ id: agent.id, name: agent.name, role: agent["gloss:role"] });

type CommentAnnotation = Extract<Annotation, { motivation: "commenting" | "replying" }>;
type PassageAnnotation = Extract<Annotation, { motivation: "commenting" | "highlighting" }>;

function comment(a: CommentAnnotation, at: string): ExportComment | string {
  const texts = a.body.filter((b) => b.purpose !== "tagging");
  if (texts.length !== 1) return `${at}.body: should hold one text besides its tags, holds ${texts.length}`;
  const reactions = a["gloss:reactions"] ?? {};
  return {
    id: a.id,
    parentId: a.motivation === "replying" ? a.target : null,
    author: person(a.creator),
    body: texts[0]!.value,
    createdAt: a.created,
    editedAt: a.modified ?? null,
    tags: a.body.filter((b) => b.purpose === "tagging").map((b) => b.value),
    reactions: REACTION_KINDS.flatMap((kind) => (reactions[kind] ? [{ kind, count: reactions[kind] }] : [])),
    resolved: a["gloss:resolved"],
    hidden: a["gloss:hidden"],
  };
}

/** The thread an annotation on a passage opens: the passage from its selectors, the rest from Gloss's facts. */
function thread(a: PassageAnnotation, at: string): ExportThread | string {
  const selectors = a.target.selector;
  const paragraphs = new Set(selectors.map((s) => s.value));
  const quotes = selectors.flatMap((s) => (s.refinedBy?.type === "TextQuoteSelector" ? [s.refinedBy] : []));
  const positions = selectors.flatMap((s) => (s.refinedBy?.type === "TextPositionSelector" ? [s.refinedBy] : []));
  if (paragraphs.size !== 1) return `${at}.target.selector: should name one paragraph, names ${paragraphs.size}`;
  if (quotes.length > 1 || positions.length > 1) return `${at}.target.selector: should hold at most one quote and one position`;
  const [quote] = quotes;
  const [position] = positions;
  const opening = a.motivation === "commenting";
  return {
    id: a["gloss:thread"],
    paragraphId: [...paragraphs][0]!,
    paragraphIndex: a["gloss:paragraphIndex"] ?? null,
    kind: quote || position ? "highlight" : "paragraph",
    quote: quote ? { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix } : null,
    position: position ? { start: position.start, end: position.end } : null,
    color: a["gloss:color"] ?? null,
    author: person((opening && a["gloss:highlightedBy"]) || a.creator),
    createdAt: (opening && a["gloss:highlightedAt"]) || a.created,
    resolved: a["gloss:resolved"],
    comments: [],
  };
}

/**
 * Threads first (from the annotations that carry a passage), then every comment into its thread in the file's
 * order: a reply may come before the comment it answers, or answer one the export left out.
 */
function assemble(items: Annotation[]): ParseJsonLdResult {
  const problems: string[] = [];
  const threads = new Map<string, ExportThread>();
  const at = (i: number) => `first.items[${i}]`;
  for (const [i, a] of items.entries()) {
    if (a.motivation === "replying") continue;
    const opened = thread(a, at(i));
    if (typeof opened === "string") problems.push(opened);
    else if (!threads.has(opened.id)) threads.set(opened.id, opened);
    else if (threads.get(opened.id)!.paragraphId !== opened.paragraphId) problems.push(`${at(i)}: is in the thread of another paragraph`);
  }
  const seen = new Map<string, number>();
  const threadOf = new Map<string, string>();
  for (const [i, a] of items.entries()) {
    if (a.motivation === "highlighting") continue;
    const said = comment(a, at(i));
    const home = threads.get(a["gloss:thread"]);
    if (typeof said === "string") problems.push(said);
    else if (seen.has(said.id)) problems.push(`${at(i)}: is the same comment as ${at(seen.get(said.id)!)}`);
    else if (!home) problems.push(`${at(i)}: belongs to a thread whose passage is not in the file`);
    else {
      seen.set(said.id, i);
      threadOf.set(said.id, home.id);
      home.comments.push(said);
    }
  }
  for (const [i, a] of items.entries()) {
    const parentThread = a.motivation === "replying" ? threadOf.get(a.target) : undefined;
    if (parentThread !== undefined && parentThread !== a["gloss:thread"]) problems.push(`${at(i)}: answers a comment in another thread`);
  }
  if (problems.length > 0) return refuse(problems);
  const source = items.find((a): a is PassageAnnotation => a.motivation !== "replying")?.target.source ?? "";
  return { ok: true, discussion: { source, threads: [...threads.values()] } };
}

export function parseJsonLd(json: unknown): ParseJsonLdResult {
  try {
    let value = json;
    if (typeof json === "string") {
      try {
        // Some editors save a byte order mark first, which JSON.parse refuses.
        value = JSON.parse(json.replace(/^\uFEFF/, ""));
      } catch (error) {
        return refuse([`it is not JSON (${error instanceof Error ? error.message : "unreadable"})`]);
      }
    }
    const parsed = Collection.safeParse(value, { error: (issue) => (issue.input === undefined ? "is missing" : undefined) });
    if (!parsed.success) return refuse(parsed.error.issues.map((issue) => `${where(issue.path)}: ${issue.message}`));
    const { total, first } = parsed.data;
    if (total !== first.items.length) return refuse([`total: says ${total} annotations, the page holds ${first.items.length}`]);
    return assemble(first.items);
  } catch (error) {
    // Nothing above should throw; if something does, the person importing still gets an answer, not a crash.
    return refuse([`it could not be read (${error instanceof Error ? error.message : String(error)})`]);
  }
}

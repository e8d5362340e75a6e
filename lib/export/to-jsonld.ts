/**
 * A discussion as W3C Web Annotations (JSON-LD), the form other annotation tools read and that Gloss imports
 * back (`parse-jsonld.ts`). One AnnotationCollection with one embedded AnnotationPage holding every annotation:
 * - a thread's first comment is a `commenting` annotation on the passage;
 * - a reply is a `replying` annotation whose target is the annotation it answers;
 * - a highlight with no first comment in the export (a bare highlight) is a `highlighting` annotation on the
 *   passage with no body, so that the passage, and the thread any replies belong to, is still there.
 * Bodies are the Markdown as typed (`text/markdown`), tags extra bodies with the purpose `tagging`.
 *
 * The passage: a CssSelector naming the paragraph's element, refined by the TextQuoteSelector (first, as tools
 * use the first selector they understand and a quote survives edits) and, as a second choice, by the
 * TextPositionSelector. Offsets are Gloss's, UTF-16 code units within the paragraph's text, as the browser counts
 * them; the W3C model counts code points, so the two differ after an emoji or another character outside the
 * Basic Multilingual Plane earlier in the paragraph, which is one more reason the quote comes first.
 *
 * A thread a revision left unanchored keeps the passage it was written on, says `"gloss:unanchored": true` and has
 * no paragraph index: its words are no longer in the essay, and an import looks for them anywhere.
 *
 * `jsonLdChunks` writes the same text as `JSON.stringify(discussionToJsonLd(d), null, 2)` one annotation at a
 * time, so a route can stream a large seminar without holding the whole document as a string.
 */
import type { Discussion, DiscussionStream, ExportComment, ExportPerson, ExportThread } from "./discussion";
import { JSONLD_CONTEXT, paragraphSelectorValue, urn } from "./jsonld-terms";

type Agent = { id: string; type: "Person"; name: string; "gloss:role": ExportPerson["role"] };
type TextualBody = { type: "TextualBody"; value: string; format?: "text/markdown"; purpose: "commenting" | "replying" | "tagging" };
type Refinement = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string } | { type: "TextPositionSelector"; start: number; end: number };
type ParagraphSelector = { type: "CssSelector"; value: string; refinedBy?: Refinement };
type Passage = { type: "SpecificResource"; source: string; selector: ParagraphSelector[] };

export type WebAnnotation = {
  id: string;
  type: "Annotation";
  motivation: "commenting" | "replying" | "highlighting";
  creator: Agent;
  created: string;
  modified?: string;
  body?: TextualBody[];
  target: Passage | string;
  "gloss:thread": string;
  "gloss:paragraphIndex"?: number;
  "gloss:unanchored"?: true;
  "gloss:color"?: string;
  "gloss:highlightedBy"?: Agent;
  "gloss:highlightedAt"?: string;
  "gloss:resolved": boolean;
  "gloss:hidden"?: boolean;
  "gloss:reactions"?: Record<string, number>;
};

export type AnnotationCollection = {
  "@context": typeof JSONLD_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  creator: Agent;
  created: string;
  "gloss:essay": string;
  "gloss:seminar"?: string;
  last: string;
  first: { id: string; type: "AnnotationPage"; partOf: string; startIndex: 0; items: WebAnnotation[] };
};

const agent = (person: ExportPerson): Agent => ({ id: urn.user(person.id), type: "Person", name: person.name, "gloss:role": person.role });

function passage(d: DiscussionStream, thread: ExportThread): Passage {
  const paragraph = paragraphSelectorValue(thread.paragraphId);
  const refinements: Refinement[] = [];
  if (thread.quote) refinements.push({ type: "TextQuoteSelector", ...thread.quote });
  if (thread.position) refinements.push({ type: "TextPositionSelector", ...thread.position });
  const selector = refinements.length > 0 ? refinements.map((refinedBy) => ({ type: "CssSelector" as const, value: paragraph, refinedBy })) : [{ type: "CssSelector" as const, value: paragraph }];
  return { type: "SpecificResource", source: d.sourceUrl, selector };
}

/** What only the annotation carrying the passage says: which paragraph, and the highlight's own colour. */
const placeFacts = (thread: ExportThread) => ({
  ...(thread.paragraphIndex === null ? { "gloss:unanchored": true as const } : { "gloss:paragraphIndex": thread.paragraphIndex }),
  ...(thread.color ? { "gloss:color": thread.color } : {}),
});

function commentAnnotation(d: DiscussionStream, thread: ExportThread, c: ExportComment): WebAnnotation {
  const opens = c.parentId === null;
  const purpose = opens ? "commenting" : "replying";
  return {
    id: urn.comment(c.id),
    type: "Annotation",
    motivation: purpose,
    creator: agent(c.author),
    created: c.createdAt.toISOString(),
    ...(c.editedAt ? { modified: c.editedAt.toISOString() } : {}),
    body: [
      { type: "TextualBody", value: c.body, format: "text/markdown", purpose },
      ...c.tags.map((tag): TextualBody => ({ type: "TextualBody", value: tag, purpose: "tagging" })),
    ],
    target: c.parentId === null ? passage(d, thread) : urn.comment(c.parentId),
    "gloss:thread": urn.annotation(thread.id),
    ...(opens ? { ...placeFacts(thread), "gloss:highlightedBy": agent(thread.author), "gloss:highlightedAt": thread.createdAt.toISOString() } : {}),
    "gloss:resolved": c.resolved,
    "gloss:hidden": c.hidden,
    ...(c.reactions.length > 0 ? { "gloss:reactions": Object.fromEntries(c.reactions.map((r) => [r.kind, r.count])) } : {}),
  };
}

/** A thread's annotations: each comment, and the highlight itself when no comment opens it. */
function* threadAnnotations(d: DiscussionStream, thread: ExportThread): Generator<WebAnnotation> {
  if (!thread.comments.some((c) => c.parentId === null)) {
    yield {
      id: urn.annotation(thread.id),
      type: "Annotation",
      motivation: "highlighting",
      creator: agent(thread.author),
      created: thread.createdAt.toISOString(),
      target: passage(d, thread),
      "gloss:thread": urn.annotation(thread.id),
      ...placeFacts(thread),
      "gloss:resolved": thread.resolved,
    };
  }
  for (const comment of thread.comments) yield commentAnnotation(d, thread, comment);
}

function* annotations(d: Discussion): Generator<WebAnnotation> {
  for (const thread of d.threads) yield* threadAnnotations(d, thread);
}

const annotationCount = (d: Discussion) => d.threads.reduce((n, t) => n + t.comments.length + (t.comments.some((c) => c.parentId === null) ? 0 : 1), 0);

/**
 * Everything but the annotations; `first` comes before `total`, and `items` last in it, so the annotations can be
 * streamed and counted as they go.
 */
function collection(d: DiscussionStream, items: WebAnnotation[], total: number): AnnotationCollection {
  const id = `urn:gloss:export:${d.essay.id}:${d.seminar?.id ?? "private"}:${d.exportedAt.getTime()}`;
  const page = `${id}:page:1`;
  return {
    "@context": JSONLD_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: d.seminar ? `Discussion of “${d.essay.title}” in ${d.seminar.name}` : `Private notes on “${d.essay.title}”`,
    creator: agent(d.exportedBy),
    created: d.exportedAt.toISOString(),
    "gloss:essay": urn.essay(d.essay.id),
    ...(d.seminar ? { "gloss:seminar": urn.seminar(d.seminar.id) } : {}),
    last: page,
    first: { id: page, type: "AnnotationPage", partOf: id, startIndex: 0, items },
    total,
  };
}

export function discussionToJsonLd(d: Discussion): AnnotationCollection {
  return collection(d, [...annotations(d)], annotationCount(d));
}

// JSON.stringify(…, null, 2) puts the page's items at this depth: collection > first > items > each.
const ITEM_INDENT = "      ";

export function* jsonLdChunks(d: Discussion): Generator<string> {
  const shell = JSON.stringify(collection(d, [], annotationCount(d)), null, 2);
  // `items` is the last key written, and no string value can hold this text unescaped.
  const at = shell.lastIndexOf('"items": []');
  yield `${shell.slice(0, at)}"items": [`;
  let count = 0;
  for (const annotation of annotations(d)) {
    yield `${count++ === 0 ? "" : ","}\n${ITEM_INDENT}${JSON.stringify(annotation, null, 2).replaceAll("\n", `\n${ITEM_INDENT}`)}`;
  }
  yield `${count === 0 ? "]" : `\n${ITEM_INDENT.slice(2)}]`}${shell.slice(at + '"items": []'.length)}`;
}

/**
 * The same document for a discussion read as it is written out (see DiscussionStream): the annotations one at a
 * time, and the total, which only the end knows, after them.
 */
export async function* jsonLdStream(d: DiscussionStream): AsyncGenerator<string> {
  const shell = JSON.stringify(collection(d, [], 0), null, 2);
  const at = shell.lastIndexOf('"items": []');
  const totalAt = shell.lastIndexOf('"total": 0');
  yield `${shell.slice(0, at)}"items": [`;
  let count = 0;
  for await (const thread of d.threads) {
    for (const annotation of threadAnnotations(d, thread)) {
      yield `${count++ === 0 ? "" : ","}\n${ITEM_INDENT}${JSON.stringify(annotation, null, 2).replaceAll("\n", `\n${ITEM_INDENT}`)}`;
    }
  }
  yield `${count === 0 ? "]" : `\n${ITEM_INDENT.slice(2)}]`}${shell.slice(at + '"items": []'.length, totalAt)}"total": ${count}${shell.slice(totalAt + '"total": 0'.length)}`;
}

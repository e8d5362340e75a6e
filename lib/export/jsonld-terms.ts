/**
 * The names the JSON-LD export writes and its import reads, in one place so the two cannot drift (as
 * `lib/live/wire.ts` is for the websocket): the contexts, the URNs Gloss gives its objects, and how a selector
 * names a paragraph.
 *
 * Gloss's own facts (paragraph number, resolved, hidden, reactions, roles) go under a `gloss:` prefix declared in
 * the context, so a W3C tool reads the annotations and leaves them alone, while a JSON-LD processor still expands
 * them to IRIs rather than dropping them (checked once with jsonld.js in safe mode, which refuses to drop any).
 * Reactions are an index map ({ "agree": 2 }): JSON-LD keeps the kinds as indexes, RDF only the counts, which is
 * enough, as only Gloss reads them.
 */
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const GLOSS_VOCABULARY = "urn:gloss:ns#";

export const JSONLD_CONTEXT = [
  ANNO_CONTEXT,
  {
    gloss: GLOSS_VOCABULARY,
    "gloss:thread": { "@type": "@id" },
    "gloss:essay": { "@type": "@id" },
    "gloss:seminar": { "@type": "@id" },
    "gloss:reactions": { "@container": "@index" },
  },
] as const;

/** What the Web Annotation Protocol asks a server to send such a file as. */
export const JSONLD_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

const ID = "[A-Za-z0-9_-]{1,64}";

export const urn = {
  comment: (id: string) => `urn:gloss:comment:${id}`,
  /** A thread: the annotation (highlight or paragraph) its comments are on. */
  annotation: (id: string) => `urn:gloss:annotation:${id}`,
  user: (id: string) => `urn:gloss:user:${id}`,
  essay: (id: string) => `urn:gloss:essay:${id}`,
  seminar: (id: string) => `urn:gloss:seminar:${id}`,
};

export const URN_PATTERN = {
  comment: new RegExp(`^urn:gloss:comment:(${ID})$`),
  annotation: new RegExp(`^urn:gloss:annotation:(${ID})$`),
  user: new RegExp(`^urn:gloss:user:(${ID})$`),
};

/**
 * A paragraph as a CssSelector: every paragraph of an essay in Gloss is an element with id `p-<paragraph id>`
 * whose text content is exactly the paragraph's text, so a tool that resolves `#p-…` and then the refining
 * quote or position selector finds the same words Gloss does.
 */
export const paragraphSelectorValue = (paragraphId: string) => `#p-${paragraphId}`;
export const PARAGRAPH_SELECTOR_PATTERN = new RegExp(`^#p-(${ID})$`);

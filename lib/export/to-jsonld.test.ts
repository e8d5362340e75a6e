/**
 * The JSON-LD export against what the W3C Web Annotation Data Model requires (the MUSTs of its collections,
 * pages and annotations, as the W3C's own annotation-model tests check them), and against what a tool needs to
 * find the passage: the paragraph's element, refined by the quote and the position.
 */
import { describe, expect, it } from "vitest";
import { fixtureDiscussion } from "./fixture.test-helper";
import { ANNO_CONTEXT, JSONLD_CONTEXT } from "./jsonld-terms";
import { discussionToJsonLd, jsonLdChunks, type WebAnnotation } from "./to-jsonld";

// xsd:dateTime in UTC, as the model asks of created and modified.
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

describe("a discussion as W3C Web Annotations", () => {
  const d = fixtureDiscussion();
  const doc = discussionToJsonLd(d);
  const items = doc.first.items;
  const byId = new Map(items.map((a) => [a.id, a]));
  const comments = d.threads.flatMap((t) => t.comments);

  it("is one AnnotationCollection in the Web Annotation context, with Gloss's prefix beside it", () => {
    expect(doc["@context"]).toEqual(JSONLD_CONTEXT);
    expect(doc["@context"][0]).toBe(ANNO_CONTEXT);
    expect(doc["@context"][1]).toMatchObject({ gloss: "urn:gloss:ns#" });
    expect(doc.type).toBe("AnnotationCollection");
    expect(doc.id).toBe(`urn:gloss:export:e-borges01:s-close001:${d.exportedAt.getTime()}`);
    expect(doc.label).toBe("Discussion of “On Exactitude in Science” in Close Reading, Spring");
    // Only the top of the file carries a context; the annotations inherit it.
    for (const a of items) expect(a).not.toHaveProperty("@context");
  });

  it("counts what it holds: one page, its total, first and last", () => {
    expect(doc.first).toMatchObject({ type: "AnnotationPage", partOf: doc.id, startIndex: 0 });
    expect(doc.first.id).toMatch(IRI);
    expect(doc.last).toBe(doc.first.id);
    // Every comment, plus the bare highlight.
    expect(doc.total).toBe(comments.length + 1);
    expect(items).toHaveLength(doc.total);
    expect(doc.first).not.toHaveProperty("next");
  });

  it("gives every annotation what the model requires: a unique IRI, the type, a target, dated creators", () => {
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length);
    for (const a of items) {
      expect(a.id).toMatch(IRI);
      expect(a.type).toBe("Annotation");
      expect(a.target).toBeDefined();
      expect(["commenting", "replying", "highlighting"]).toContain(a.motivation);
      expect(a.created).toMatch(DATE_TIME);
      if (a.modified !== undefined) expect(a.modified).toMatch(DATE_TIME);
      expect(a.creator).toMatchObject({ type: "Person", id: expect.stringMatching(/^urn:gloss:user:/), name: expect.any(String) });
      expect(a).not.toHaveProperty("bodyValue");
      for (const body of a.body ?? []) {
        expect(body.type).toBe("TextualBody");
        expect(typeof body.value).toBe("string");
      }
    }
  });

  it("writes each comment with its text as Markdown and its tags as tagging bodies", () => {
    for (const c of comments) {
      const a = byId.get(`urn:gloss:comment:${c.id}`)!;
      expect(a.motivation).toBe(c.parentId === null ? "commenting" : "replying");
      expect(a.body![0]).toEqual({ type: "TextualBody", value: c.body, format: "text/markdown", purpose: a.motivation });
      expect(a.body!.slice(1)).toEqual(c.tags.map((value) => ({ type: "TextualBody", value, purpose: "tagging" })));
      expect(a.creator.name).toBe(c.author.name);
      expect(a.created).toBe(c.createdAt.toISOString());
      expect(a.modified).toBe(c.editedAt?.toISOString());
    }
  });

  it("points a first comment at its passage: the paragraph's element refined by the quote, then the position", () => {
    const opener = byId.get("urn:gloss:comment:c-opener01")!;
    expect(opener.target).toEqual({
      type: "SpecificResource",
      source: d.sourceUrl,
      selector: [
        {
          type: "CssSelector",
          value: "#p-cpara00001",
          refinedBy: { type: "TextQuoteSelector", exact: "the Art of Cartography attained such Perfection", prefix: "In that Empire, ", suffix: " that the map of a single" },
        },
        { type: "CssSelector", value: "#p-cpara00001", refinedBy: { type: "TextPositionSelector", start: 16, end: 63 } },
      ],
    });
    expect(opener).toMatchObject({ "gloss:paragraphIndex": 1, "gloss:color": "yellow", "gloss:resolved": true, "gloss:reactions": { agree: 2, insightful: 1 } });
    expect(opener["gloss:highlightedBy"]).toEqual({ id: "urn:gloss:user:u-ada0001", type: "Person", name: "Ada Lovelace", "gloss:role": "instructor" });
  });

  it("points a comment on a whole paragraph at the paragraph alone", () => {
    expect(byId.get("urn:gloss:comment:c-formula1")!.target).toEqual({ type: "SpecificResource", source: d.sourceUrl, selector: [{ type: "CssSelector", value: "#p-cpara00002" }] });
  });

  it("points a reply at the annotation it answers, which is in the file", () => {
    for (const a of items.filter((x) => x.motivation === "replying")) {
      expect(typeof a.target).toBe("string");
      expect(byId.get(a.target as string)?.motivation).toBe("commenting");
      expect(a["gloss:thread"]).toBe(byId.get(a.target as string)!["gloss:thread"]);
    }
    expect(byId.get("urn:gloss:comment:c-atsum001")).toMatchObject({ target: "urn:gloss:comment:c-formula1", "gloss:hidden": true, creator: { "gloss:role": "former member" } });
  });

  it("writes a bare highlight as a highlighting annotation with no body", () => {
    const bare = byId.get("urn:gloss:annotation:a-bare0003")!;
    expect(bare).toEqual({
      id: "urn:gloss:annotation:a-bare0003",
      type: "Annotation",
      motivation: "highlighting",
      creator: { id: "urn:gloss:user:u-bruno01", type: "Person", name: "Bruno Díaz", "gloss:role": "student" },
      created: "2027-05-02T10:00:00.000Z",
      target: {
        type: "SpecificResource",
        source: d.sourceUrl,
        selector: [
          { type: "CssSelector", value: "#p-cpara00002", refinedBy: { type: "TextQuoteSelector", exact: "Unconscionable", prefix: "the following Generations, who ", suffix: "; the Map was" } },
          { type: "CssSelector", value: "#p-cpara00002", refinedBy: { type: "TextPositionSelector", start: 120, end: 134 } },
        ],
      },
      "gloss:thread": "urn:gloss:annotation:a-bare0003",
      "gloss:paragraphIndex": 2,
      "gloss:color": "green",
      "gloss:resolved": false,
    } satisfies WebAnnotation);
  });

  it("keeps the passage of a thread whose first comment is not exported, as a highlight its replies belong to", () => {
    const narrowed = fixtureDiscussion();
    narrowed.threads = [{ ...narrowed.threads[0]!, comments: [narrowed.threads[0]!.comments[1]!] }];
    const [anchor, reply] = discussionToJsonLd(narrowed).first.items;
    expect(anchor).toMatchObject({ id: "urn:gloss:annotation:a-perfect1", motivation: "highlighting", "gloss:resolved": true });
    expect(reply).toMatchObject({ motivation: "replying", target: "urn:gloss:comment:c-opener01", "gloss:thread": "urn:gloss:annotation:a-perfect1" });
  });

  it("streams exactly the text of the whole document, one annotation per chunk", () => {
    const chunks = [...jsonLdChunks(d)];
    expect(chunks).toHaveLength(items.length + 2);
    expect(chunks.join("")).toBe(JSON.stringify(doc, null, 2));
    const empty = { ...d, threads: [], seminar: null };
    expect([...jsonLdChunks(empty)].join("")).toBe(JSON.stringify(discussionToJsonLd(empty), null, 2));
    expect(discussionToJsonLd(empty)).toMatchObject({ total: 0, label: "Private notes on “On Exactitude in Science”", first: { items: [] } });
    expect(discussionToJsonLd(empty).id).toContain(":private:");
  });
});

/**
 * Reading the JSON-LD export back: what Gloss wrote comes back as the same threads, and anything else is refused
 * with a message that says where the file is wrong, never with an exception.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureDiscussion } from "./fixture.test-helper";
import { parseJsonLd } from "./parse-jsonld";
import { discussionToJsonLd, jsonLdChunks } from "./to-jsonld";

const d = fixtureDiscussion();
/** A fresh, plain-JSON copy of the export to break in one place. */
const exported = () => JSON.parse(JSON.stringify(discussionToJsonLd(d)));

const errorOf = (input: unknown) => {
  const result = parseJsonLd(input);
  if (result.ok) throw new Error("expected the file to be refused");
  return result.error;
};

describe("reading the JSON-LD export back", () => {
  it("gives back the same threads: passages, parents, bodies, tags, times, people, resolved, hidden, reactions", () => {
    const result = parseJsonLd(discussionToJsonLd(d));
    expect(result).toEqual({ ok: true, discussion: { source: d.sourceUrl, threads: d.threads } });
  });

  it("reads the file as text, whole or streamed", () => {
    expect(parseJsonLd(JSON.stringify(discussionToJsonLd(d)))).toEqual(parseJsonLd(discussionToJsonLd(d)));
    expect(parseJsonLd([...jsonLdChunks(d)].join(""))).toEqual(parseJsonLd(discussionToJsonLd(d)));
    // As some editors save it, behind a byte order mark.
    expect(parseJsonLd(`\uFEFF${JSON.stringify(discussionToJsonLd(d))}`)).toEqual(parseJsonLd(discussionToJsonLd(d)));
  });

  it("keeps replies whose first comment was not exported, under the highlight that stands for their thread", () => {
    const narrowed = fixtureDiscussion();
    narrowed.threads = [{ ...narrowed.threads[0]!, comments: [narrowed.threads[0]!.comments[1]!] }];
    const result = parseJsonLd(discussionToJsonLd(narrowed));
    expect(result).toEqual({ ok: true, discussion: { source: d.sourceUrl, threads: narrowed.threads } });
  });

  it("reads an empty discussion", () => {
    expect(parseJsonLd(discussionToJsonLd({ ...d, threads: [] }))).toEqual({ ok: true, discussion: { source: "", threads: [] } });
  });

  it("refuses what is not JSON, or not an annotation collection, and says so", () => {
    expect(errorOf("{ not json")).toMatch(/^This is not a Gloss discussion in W3C Web Annotation JSON-LD:\n- it is not JSON \(/);
    for (const garbage of [null, 42, "42", [], "[]", true]) expect(errorOf(garbage)).toContain("- the file: ");
    const missing = errorOf({});
    expect(missing).toContain("- @context: should name the Web Annotation context, http://www.w3.org/ns/anno.jsonld");
    expect(missing).toContain("- type: ");
    expect(missing).toContain("- first: ");
  });

  it("points at the annotation and the field that is wrong", () => {
    const noTarget = exported();
    delete noTarget.first.items[0].target;
    expect(errorOf(noTarget)).toContain("- first.items[0].target: ");

    const badParagraph = exported();
    badParagraph.first.items[0].target.selector[0].value = "p:nth-child(3)";
    expect(errorOf(badParagraph)).toContain("- first.items[0].target.selector[0].value: should be a Gloss paragraph (#p-…)");

    const badDate = exported();
    badDate.first.items[1].created = "yesterday";
    expect(errorOf(badDate)).toContain("- first.items[1].created: should be a date and time such as 2027-05-01T09:00:00Z");

    const badMotivation = exported();
    badMotivation.first.items[2].motivation = "shouting";
    expect(errorOf(badMotivation)).toContain("- first.items[2].motivation: ");

    const badColour = exported();
    badColour.first.items[0]["gloss:color"] = "chartreuse";
    expect(errorOf(badColour)).toContain("- first.items[0].gloss:color: ");

    const noText = exported();
    noText.first.items[0].body = [{ type: "TextualBody", value: "question", purpose: "tagging" }];
    expect(errorOf(noText)).toContain("- first.items[0].body: should hold one text besides its tags, holds 0");
  });

  it("refuses a file that contradicts itself", () => {
    const miscounted = exported();
    miscounted.total = 3;
    expect(errorOf(miscounted)).toContain("- total: says 3 annotations, the page holds 9");

    const twice = exported();
    twice.first.items.push(twice.first.items[1]);
    twice.total += 1;
    expect(errorOf(twice)).toContain("- first.items[9]: is the same comment as first.items[1]");

    const orphan = exported();
    orphan.first.items = orphan.first.items.filter((a: { id: string }) => a.id !== "urn:gloss:comment:c-opener01");
    orphan.total -= 1;
    expect(errorOf(orphan)).toContain("- first.items[0]: belongs to a thread whose passage is not in the file");

    const crossed = exported();
    crossed.first.items[1].target = "urn:gloss:comment:c-formula1";
    expect(errorOf(crossed)).toContain("- first.items[1]: answers a comment in another thread");

    const paged = exported();
    paged.first.next = "urn:gloss:export:x:page:2";
    expect(errorOf(paged)).toContain("- first.next: should not continue on another page");
  });

  it("lists at most ten problems, and how many more there are", () => {
    const many = exported();
    many.first.items = [...many.first.items, ...many.first.items].map((a: object) => ({ ...a, created: "never" }));
    many.total = many.first.items.length;
    const lines = errorOf(many).split("\n");
    expect(lines).toHaveLength(1 + 10 + 1);
    expect(lines.at(-1)).toBe("- and 8 more");
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseJsonLd(input);
        return result.ok === false && result.error.length > 0;
      }),
      { numRuns: 300 },
    );
    // Nor when one value deep inside a real export is replaced by anything at all.
    const paths: Array<Array<string | number>> = [];
    const walk = (value: unknown, path: Array<string | number>) => {
      paths.push(path);
      if (value && typeof value === "object") for (const [key, child] of Object.entries(value)) walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
    };
    walk(exported(), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, replacement) => {
        const doc = exported();
        let at = doc;
        for (const key of path.slice(0, -1)) at = at[key];
        at[path.at(-1)!] = replacement;
        const result = parseJsonLd(doc);
        return result.ok ? Array.isArray(result.discussion.threads) : result.error.startsWith("This is not a Gloss discussion");
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * The Markdown export as a reader meets it: the whole file (a snapshot, reviewed when it changes), and its
 * structure as a Markdown parser sees it, which is what decides whether a body can pass for the export's own
 * headings or swallow the replies after it.
 */
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import type { Discussion } from "./discussion";
import { fixtureDiscussion } from "./fixture.test-helper";
import { discussionToMarkdown } from "./to-markdown";

// CommonMark with raw HTML on: the strictest reading a body can get from the tools people open exports with.
const parser = new MarkdownIt("commonmark", { html: true });

type Block = { type: string; text: string; depth: number };

/** Headings, quotes and list-item paragraphs, each with how many list items it sits inside. */
function blocks(markdown: string): Block[] {
  const tokens = parser.parse(markdown, {});
  const found: Block[] = [];
  let items = 0;
  let quotes = 0;
  tokens.forEach((token, i) => {
    if (token.type === "list_item_open") items++;
    if (token.type === "list_item_close") items--;
    if (token.type === "blockquote_open") quotes++;
    if (token.type === "blockquote_close") quotes--;
    const next = tokens[i + 1];
    if (token.type === "heading_open") found.push({ type: token.tag, text: next!.content, depth: items });
    if (token.type === "paragraph_open" && next) found.push({ type: quotes > 0 ? "quote" : "p", text: next.content, depth: items });
    if (token.type === "fence") found.push({ type: "code", text: token.content, depth: items });
  });
  return found;
}

describe("a discussion as Markdown", () => {
  const markdown = discussionToMarkdown(fixtureDiscussion());

  it("reads as the reviewed file", async () => {
    await expect(markdown).toMatchFileSnapshot("./__snapshots__/discussion.md");
  });

  it("heads the file with the essay, seminar, export date, UTC and the scope", () => {
    const lines = markdown.split("\n");
    expect(lines[0]).toBe("# On Exactitude in Science");
    expect(markdown).toContain("by Jorge Luis Borges");
    expect(markdown).toContain("Seminar: Close Reading, Spring. Exported 2027-05-03 14:05 by Ada Lovelace (instructor). All times are UTC.");
    expect(markdown).toContain("Scope: every thread; all paragraphs; resolved threads included; hidden comments included.");
  });

  it("has only its own headings: the title and one ¶ heading per thread, whatever the bodies hold", () => {
    const topHeadings = blocks(markdown).filter((b) => /^h\d$/.test(b.type) && b.depth === 0);
    expect(topHeadings.map((h) => `${h.type} ${h.text}`)).toEqual(["h1 On Exactitude in Science", "h2 ¶ 1 (resolved)", "h2 ¶ 2", "h2 ¶ 2", "h2 ¶ 3"]);
    // The body's "# " line is still there, as a heading inside Bruno's comment.
    expect(blocks(markdown)).toContainEqual({ type: "h1", text: "Not a heading of the export", depth: 2 });
    expect(markdown.split("\n").filter((line) => line.startsWith("#"))).toHaveLength(5);
  });

  it("quotes each passage as a blockquote right under its ¶ heading, or says the whole paragraph", () => {
    const all = blocks(markdown).filter((b) => b.depth === 0);
    const after = (heading: string, nth = 0) => all[all.findIndex((b, i) => b.text === heading && all.slice(0, i).filter((x) => x.text === heading).length === nth) + 1];
    expect(after("¶ 1 (resolved)")).toEqual({ type: "quote", text: "the Art of Cartography attained such Perfection", depth: 0 });
    expect(after("¶ 2")).toEqual({ type: "p", text: "_Whole paragraph_", depth: 0 });
    expect(after("¶ 2", 1)).toEqual({ type: "quote", text: "Unconscionable", depth: 0 });
    expect(after("¶ 3")).toEqual({ type: "quote", text: '"a Map of the Empire, whose size was that of the Empire"', depth: 0 });
    // A "> " line in a body stays inside its comment.
    expect(blocks(markdown)).toContainEqual({ type: "quote", text: "nor a quote of the essay", depth: 2 });
  });

  it("nests replies under the comment they answer, bodies whole inside their item", () => {
    const items = blocks(markdown).filter((b) => b.depth > 0 && b.text.startsWith("**"));
    expect(items.map((b) => `${b.depth} ${b.text.split(" · ")[0]}`)).toEqual([
      "1 **Ada Lovelace** (instructor)",
      "2 **Bruno Díaz**",
      "2 **داليا حداد**",
      "1 **陳靜 \\*Jing\\***",
      "2 **Ada Lovelace** (instructor)",
      "2 **=Mallory**",
      "1 **داليا حداد**",
      "2 **陳靜 \\*Jing\\***",
    ]);
    const bodies = blocks(markdown).filter((b) => b.type === "p" && b.depth > 0 && !b.text.startsWith("**"));
    expect(bodies.find((b) => b.text.startsWith("Why"))).toEqual({ type: "p", text: 'Why "Perfection", capitalised?\nNotice the *irony*, the commas, and the quotes.', depth: 1 });
    expect(bodies.find((b) => b.text.startsWith("+1"))).toEqual({ type: "p", text: '+1 to this, "exactly"\nsecond line', depth: 2 });
  });

  it("closes a code fence a body left open, so the threads after it stay threads", () => {
    expect(blocks(markdown)).toContainEqual({ type: "code", text: "const map = territory;\n", depth: 1 });
    expect(markdown).toContain("  ```js\n  const map = territory;\n  ```\n");
    // Chen's reply comes after it, and is still a reply rather than a line of code.
    expect(blocks(markdown)).toContainEqual({ type: "p", text: "Edited later: the map *is* the territory.", depth: 2 });
  });

  it("marks who is an instructor, dates, edits, resolved, hidden, tags and reactions", () => {
    expect(markdown).toContain(
      "- **Ada Lovelace** (instructor) · 2027-05-01 09:00 (edited 2027-05-01 09:30) · (resolved) · Tags: question, key point · Reactions: agree 2, insightful 1",
    );
    expect(markdown).toContain("  - **=Mallory** · 2027-05-02 08:30 · (hidden)\n");
    expect(markdown).toContain("Highlighted by Bruno Díaz, 2027-05-02 10:00. No comments.");
  });

  it("keeps a reply whose parent is not exported, saying so, and describes a narrowed scope", () => {
    const d: Discussion = fixtureDiscussion();
    const bruno = d.threads[0]!.comments[1]!;
    d.threads = [{ ...d.threads[0]!, comments: [bruno] }];
    d.scope = { ...d.scope, member: bruno.author, from: 1, to: 3, assignment: { id: "as-1", title: "Maps *and* territories" }, includeResolved: false, includeHidden: false };
    d.seminar = null;
    const narrowed = discussionToMarkdown(d);
    expect(narrowed).toContain("Private notes. Exported");
    expect(narrowed).toContain(
      "Scope: the threads Bruno Díaz wrote in; paragraphs 1–3; the passage of the assignment “Maps \\*and\\* territories”; resolved threads left out; hidden comments left out.",
    );
    expect(narrowed).toContain("Highlighted by Ada Lovelace (instructor), 2027-05-01 09:00.\n");
    expect(narrowed).toContain("- **Bruno Díaz** · 2027-05-01 10:15 · (answers a comment not in this export) · Reactions: thanks 1\n\n  # Not a heading");
  });

  it("writes a thread a revision left unanchored under a heading of its own, quoting the words it was written on", () => {
    const d: Discussion = fixtureDiscussion();
    d.threads = [...d.threads, { ...d.threads[0]!, id: "an-orphan", paragraphIndex: null }];
    const written = discussionToMarkdown(d);
    const headings = blocks(written).filter((b) => b.type === "h2").map((b) => b.text);
    expect(headings.at(-1)).toBe("Unanchored (its words are no longer in the essay) (resolved)");
    expect(written.slice(written.lastIndexOf("## Unanchored"))).toContain(`> ${d.threads[0]!.quote!.exact.split("\n")[0]}`);
  });

  it("says so when the scope holds no threads", () => {
    expect(discussionToMarkdown({ ...fixtureDiscussion(), threads: [] })).toMatch(/No threads in this scope\.\n$/);
  });
});

import { describe, expect, it } from "vitest";
import type { Discussion, ExportPerson } from "./discussion";
import { printHtmlStream } from "./to-print-html";

const ada: ExportPerson = { id: "u1", name: "Ada <img src=x onerror=alert(1)>", role: "student" };
const teacher: ExportPerson = { id: "u2", name: "Teacher", role: "instructor" };
const at = new Date("2027-05-01T09:30:00Z");

const discussion: Discussion = {
  essay: { id: "e", slug: "essay", title: "On <b>Power</b>", author: "A. Writer", source: null },
  seminar: { id: "s", name: "Close reading" },
  sourceUrl: "http://localhost/seminars/s/essays/essay",
  exportedAt: at,
  exportedBy: teacher,
  scope: { member: null, from: null, to: null, assignment: null, includeResolved: true, includeHidden: true },
  threads: [
    {
      id: "a1",
      paragraphId: "p3",
      paragraphIndex: 3,
      kind: "highlight",
      quote: { exact: "the </blockquote><script>alert(1)</script>", prefix: "before ", suffix: " after" },
      position: { start: 7, end: 40 },
      color: "yellow",
      author: ada,
      createdAt: at,
      resolved: false,
      comments: [
        { id: "c1", parentId: null, author: ada, body: "<script>alert('x')</script> and [a link](javascript:alert(1)) and **bold**", createdAt: at, editedAt: null, tags: ["question"], reactions: [{ kind: "agree", count: 2 }], resolved: false, hidden: false },
        { id: "c2", parentId: "c1", author: teacher, body: "A reply", createdAt: at, editedAt: at, tags: [], reactions: [], resolved: false, hidden: true },
      ],
    },
    { id: "a2", paragraphId: "p5", paragraphIndex: 5, kind: "paragraph", quote: null, position: null, color: null, author: teacher, createdAt: at, resolved: true, comments: [{ id: "c3", parentId: null, author: teacher, body: "Whole paragraph", createdAt: at, editedAt: null, tags: [], reactions: [], resolved: true, hidden: false }] },
  ],
};

describe("the print view", async () => {
  let html = "";
  for await (const chunk of printHtmlStream(discussion, { nonce: "abc123" })) html += chunk;

  it("holds every thread under its paragraph, replies inside their parent's, with a page break between paragraphs", () => {
    expect(html.match(/<article class="thread"/g)).toHaveLength(2);
    expect(html.indexOf("Paragraph 3")).toBeLessThan(html.indexOf("Paragraph 5"));
    expect(html).toMatch(/<div class="replies"><div class="comment" data-comment-id="c2">/);
    expect(html).toContain("section.paragraph + section.paragraph { break-before: page; }");
    expect(html).toContain('<span class="badge hidden">hidden</span>');
    expect(html).toContain("Tags: question");
    expect(html).toContain("Reactions: agree 2");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<footer><p>2 threads, 3 comments.</p></footer>");
  });

  it("runs nothing from what readers wrote: names, quotes and bodies are text, unsafe links are dropped", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="javascript:/i); // left as the text the reader typed
    expect(html).toContain("&lt;script&gt;alert('x')&lt;/script&gt;");
    expect(html).toContain("On &lt;b&gt;Power&lt;/b&gt;");
    // The document forbids scripts itself, and its one style block carries the page's nonce.
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline' 'nonce-abc123'; img-src data:">`);
    expect(html).toContain('<style nonce="abc123">');
  });

  it("gathers threads a revision left unanchored in a last section of their own", async () => {
    const orphan = { ...discussion.threads[0]!, id: "a3", paragraphIndex: null };
    let withOrphan = "";
    for await (const chunk of printHtmlStream({ ...discussion, threads: [...discussion.threads, orphan] })) withOrphan += chunk;
    expect(withOrphan.match(/<section class="paragraph">/g)).toHaveLength(3);
    expect(withOrphan.indexOf("Paragraph 5")).toBeLessThan(withOrphan.indexOf("<h2>Unanchored notes</h2>"));
    expect(withOrphan).toMatch(/<h2>Unanchored notes<\/h2>\n<p class="whole">[^<]+<\/p>\n<article class="thread" data-thread-id="a3">/);
    expect(withOrphan).toContain("<footer><p>3 threads, 5 comments.</p></footer>");
  });
});

import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";

describe("renderMarkdown", () => {
  it("renders the allowed subset: emphasis, strong, code, lists and links", () => {
    const html = renderMarkdown("*so* **much** `code`\n\n- one\n- two\n\n1. first");
    expect(html).toContain("<em>so</em>");
    expect(html).toContain("<strong>much</strong>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<ul>\n<li>one</li>");
    expect(html).toContain("<ol>\n<li>first</li>");
  });

  it("escapes raw HTML instead of rendering it", () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)"> <script>alert(1)</script>');
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
  });

  it("opens links in a new tab without referrer or endorsement, and drops javascript: links", () => {
    const html = renderMarkdown("[site](https://example.org) and https://example.com/page and [bad](javascript:alert(1))");
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer nofollow">site</a>');
    expect(html).toContain('<a href="https://example.com/page" target="_blank" rel="noopener noreferrer nofollow">https://example.com/page</a>');
    expect(html).not.toContain('href="javascript');
  });

  it("keeps headings, images, quotes and tables as plain text", () => {
    const html = renderMarkdown("# Title\n\n![alt](https://example.org/x.png)\n\n> quote");
    expect(html).not.toMatch(/<h1|<img|<blockquote/);
    expect(html).toContain("# Title");
  });
});

describe("renderMarkdown: mentions", () => {
  const mentions = [
    { id: "user-ben", name: "Ben" },
    { id: "user-ada", name: "Ada <Lovelace>" },
  ];

  it("marks up mentioned members' names, and the reader's own as theirs", () => {
    const html = renderMarkdown("Ask @Ben and **@Ada <Lovelace>** about it", { mentions, me: "user-ben" });
    expect(html).toContain('Ask <span class="mention" data-mention-id="user-ben" data-me="true" title="You">@Ben</span> and');
    expect(html).toContain('<strong><span class="mention" data-mention-id="user-ada">@Ada &lt;Lovelace&gt;</span></strong>');
  });

  it("leaves names alone in code, in links, and when the comment does not mention them", () => {
    const html = renderMarkdown("`@Ben` [@Ben](https://example.org) @Bent", { mentions, me: "user-ben" });
    expect(html).not.toContain('class="mention"');
    expect(renderMarkdown("Hi @Ben")).toBe("<p>Hi @Ben</p>\n");
  });
});

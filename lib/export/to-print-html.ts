/**
 * The print view: one standalone HTML document with print CSS (each paragraph's threads kept together, a page
 * break before each paragraph that has threads, the quote above its thread), which a browser prints to a tidy PDF.
 * Exported text is data: every name, quote and tag is escaped, and bodies go through the one safe Markdown setup
 * (raw HTML off, unsafe links dropped). The document also forbids scripts itself, for when it is opened from disk.
 */
import { renderMarkdown } from "../markdown/render-markdown";
import type { DiscussionStream, ExportComment, ExportThread } from "./discussion";
import { describeScope } from "./describe-scope";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const when = (at: Date) => at.toISOString().slice(0, 16).replace("T", " ");

const STYLE = `
  :root { color-scheme: light; }
  body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: #1f2328; background: #fff; margin: 0 auto; max-width: 46rem; padding: 2.5rem 1.5rem; }
  header h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .25rem; }
  header p { margin: .15rem 0; color: #5b6169; font: 14px/1.5 system-ui, sans-serif; }
  section.paragraph { margin-top: 2rem; }
  section.paragraph > h2 { font: 600 13px/1.4 system-ui, sans-serif; letter-spacing: .06em; text-transform: uppercase; color: #1f5f6b; border-bottom: 1px solid #e4e1d8; padding-bottom: .25rem; }
  article.thread { margin: 1rem 0 1.5rem; break-inside: avoid-page; }
  blockquote { margin: 0 0 .5rem; padding: .2rem 0 .2rem .9rem; border-left: 3px solid #c9b458; font-style: italic; }
  blockquote .context { color: #8a8f96; font-style: normal; }
  .whole { margin: 0 0 .5rem; color: #5b6169; font: 13px/1.4 system-ui, sans-serif; }
  .comment { font: 14.5px/1.55 system-ui, sans-serif; margin: .4rem 0; }
  .comment .meta { color: #5b6169; font-size: 12.5px; }
  .comment .meta strong { color: #1f2328; }
  .comment .body p { margin: .2rem 0; }
  .replies { margin-left: 1.25rem; padding-left: .75rem; border-left: 2px solid #e4e1d8; }
  .badge { display: inline-block; border: 1px solid #d5d1c6; border-radius: 999px; padding: 0 .45rem; font-size: 11.5px; margin-left: .3rem; }
  .badge.hidden { border-color: #a02626; color: #a02626; }
  .empty, footer p { color: #5b6169; font: 14px/1.5 system-ui, sans-serif; margin-top: 2rem; }
  a { color: #1f5f6b; }
  @page { margin: 18mm 16mm; }
  @media print {
    body { padding: 0; max-width: none; }
    section.paragraph + section.paragraph { break-before: page; }
    a { color: inherit; text-decoration: none; }
  }
`;

function comment(c: ExportComment): string {
  const badges = [
    c.author.role === "instructor" ? `<span class="badge">instructor</span>` : "",
    c.editedAt ? `<span class="badge">edited ${escape(when(c.editedAt))}</span>` : "",
    c.resolved ? `<span class="badge">resolved</span>` : "",
    c.hidden ? `<span class="badge hidden">hidden</span>` : "",
  ].join("");
  const extras = [
    c.tags.length ? `Tags: ${c.tags.map(escape).join(", ")}` : "",
    c.reactions.length ? `Reactions: ${c.reactions.map((r) => `${escape(r.kind)} ${r.count}`).join(", ")}` : "",
  ].filter(Boolean);
  return `<div class="comment" data-comment-id="${escape(c.id)}">
  <div class="meta"><strong>${escape(c.author.name)}</strong>${badges} · <time datetime="${c.createdAt.toISOString()}">${escape(when(c.createdAt))}</time></div>
  <div class="body">${renderMarkdown(c.body)}</div>${extras.length ? `\n  <div class="meta">${extras.join(" · ")}</div>` : ""}
</div>`;
}

function thread(t: ExportThread): string {
  const quote = t.quote
    ? `<blockquote><span class="context">${t.quote.prefix ? `…${escape(t.quote.prefix)}` : ""}</span>${escape(t.quote.exact)}<span class="context">${t.quote.suffix ? `${escape(t.quote.suffix)}…` : ""}</span></blockquote>`
    : `<p class="whole">On the whole paragraph</p>`;
  const openers = t.comments.filter((c) => c.parentId === null || !t.comments.some((p) => p.id === c.parentId));
  const repliesTo = (id: string) => t.comments.filter((c) => c.parentId === id);
  const tree = (c: ExportComment): string => {
    const replies = repliesTo(c.id);
    return comment(c) + (replies.length ? `<div class="replies">${replies.map(tree).join("\n")}</div>` : "");
  };
  const body = t.comments.length ? openers.map(tree).join("\n") : `<p class="whole">Highlighted by ${escape(t.author.name)}, without a comment.</p>`;
  return `<article class="thread" data-thread-id="${escape(t.id)}">\n${quote}\n${body}\n</article>`;
}

/**
 * The document, a paragraph's section at a time as the threads arrive (they come in reading order). `nonce`: the
 * page's CSP nonce when Gloss serves it (its own policy forbids inline style otherwise).
 */
export async function* printHtmlStream(d: DiscussionStream, { nonce }: { nonce?: string } = {}): AsyncGenerator<string> {
  const title = `${d.essay.title}${d.seminar ? ` — ${d.seminar.name}` : " — private notes"}`;
  const nonceAttr = nonce ? ` nonce="${escape(nonce)}"` : "";
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'${nonce ? ` 'nonce-${escape(nonce)}'` : ""}; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style${nonceAttr}>${STYLE}</style>
</head>
<body>
<header>
<h1>${escape(d.essay.title)}</h1>
${d.essay.author ? `<p>${escape(d.essay.author)}</p>\n` : ""}<p>${d.seminar ? `Discussion in ${escape(d.seminar.name)}` : "Private notes"} · ${escape(describeScope(d.scope))} · exported ${escape(when(d.exportedAt))} UTC by ${escape(d.exportedBy.name)}</p>
</header>
`;
  // Unanchored threads (paragraphIndex null) come last, in a section of their own.
  let paragraph: number | null | undefined = undefined;
  let threads = 0;
  let comments = 0;
  for await (const t of d.threads) {
    if (t.paragraphIndex !== paragraph) {
      if (paragraph !== undefined) yield "</section>\n";
      paragraph = t.paragraphIndex;
      yield paragraph === null
        ? `<section class="paragraph">\n<h2>Unanchored notes</h2>\n<p class="whole">Their words are no longer in the essay; each quotes the words it was written on.</p>\n`
        : `<section class="paragraph">\n<h2>Paragraph ${paragraph}</h2>\n`;
    }
    threads++;
    comments += t.comments.length;
    yield `${thread(t)}\n`;
  }
  if (paragraph !== undefined) yield "</section>\n";
  yield `${threads === 0 ? `<p class="empty">Nothing to show in this scope yet.</p>` : `<footer><p>${threads} ${threads === 1 ? "thread" : "threads"}, ${comments} ${comments === 1 ? "comment" : "comments"}.</p></footer>`}
</body>
</html>
`;
}

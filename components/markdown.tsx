import MarkdownIt from "markdown-it";

/**
 * Comment bodies are plain text with a small Markdown subset: emphasis, strong, inline code, links and
 * lists. Raw HTML is off (escaped, never rendered) and markdown-it's link validation drops javascript: and
 * similar URLs, so what a reader typed cannot run in someone else's browser.
 */
const md = new MarkdownIt("zero", { html: false, linkify: true, breaks: true }).enable([
  "emphasis",
  "backticks",
  "escape",
  "entity",
  "link",
  "linkify",
  "autolink",
  "newline",
  "list",
]);

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
  const token = tokens[i]!;
  // Links open away from the essay, and the reader's session is not handed to or vouched for to the target.
  token.attrSet("target", "_blank");
  token.attrSet("rel", "noopener noreferrer nofollow");
  return defaultLinkOpen(tokens, i, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}

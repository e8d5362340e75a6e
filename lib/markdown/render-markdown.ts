import MarkdownIt from "markdown-it";
import { findMentions, type Member } from "../client/mentions";

/**
 * Comment bodies are plain text with a small Markdown subset: emphasis, strong, inline code, links and
 * lists. Raw HTML is off (escaped, never rendered) and markdown-it's link validation drops javascript: and
 * similar URLs, so what a reader typed cannot run in someone else's browser. "@Name" for a mentioned member
 * is marked up as a mention (outside code and links), and as "you" for the reader it mentions.
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

type MentionEnv = { mentions?: readonly Member[]; me?: string };

// Runs last, after text runs are joined, so a name is never split across tokens.
md.core.ruler.push("mentions", (state) => {
  const { mentions } = state.env as MentionEnv;
  if (!mentions || mentions.length === 0) return;
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const children: typeof block.children = [];
    let inLink = 0;
    for (const token of block.children) {
      if (token.type === "link_open") inLink++;
      if (token.type === "link_close") inLink--;
      const found = token.type === "text" && inLink === 0 ? findMentions(token.content, mentions) : [];
      if (found.length === 0) {
        children.push(token);
        continue;
      }
      let at = 0;
      for (const { start, end, member } of found) {
        if (start > at) children.push(Object.assign(new state.Token("text", "", 0), { content: token.content.slice(at, start) }));
        children.push(Object.assign(new state.Token("mention", "", 0), { content: token.content.slice(start, end), meta: member }));
        at = end;
      }
      if (at < token.content.length) children.push(Object.assign(new state.Token("text", "", 0), { content: token.content.slice(at) }));
    }
    block.children = children;
  }
});

md.renderer.rules.mention = (tokens, i, _options, env) => {
  const token = tokens[i]!;
  const member = token.meta as Member;
  const { me } = (env ?? {}) as MentionEnv;
  const isMe = me !== undefined && member.id === me;
  const escape = md.utils.escapeHtml;
  return `<span class="mention" data-mention-id="${escape(member.id)}"${isMe ? ' data-me="true" title="You"' : ""}>${escape(token.content)}</span>`;
};

export type MarkdownOptions = {
  /** The members the comment mentions (by id, with their current names). */
  mentions?: readonly Member[];
  /** The reader's id, to mark mentions of them. */
  me?: string;
};

export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  return md.render(source, { mentions: options.mentions, me: options.me } satisfies MentionEnv);
}

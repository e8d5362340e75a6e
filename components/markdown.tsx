import { renderMarkdown, type MarkdownOptions } from "@/lib/markdown/render-markdown";

/** A comment body or prompt, rendered by the one safe Markdown setup (lib/markdown/render-markdown.ts). */
export function Markdown({ source, className, mentions, me }: { source: string; className?: string } & MarkdownOptions) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderMarkdown(source, { mentions, me }) }} />;
}

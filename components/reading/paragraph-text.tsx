"use client";

import { useMemo } from "react";
import type { Span } from "@/lib/doc/anchor";
import type { Annotation } from "@/lib/doc/layout";
import { segmentText, type ParagraphView } from "@/lib/doc/read";
import { HIGHLIGHT_STYLES } from "@/lib/client/highlight-colors";
import { PARAGRAPH_TEXT_ATTRIBUTE } from "@/lib/client/text-selection";
import type { EssayParagraph } from "@/lib/essays/get-essay.server";

// Stands in for the highlight being written in the composer: its words stay marked after the browser's
// selection is gone, so the reader sees what the comment will be about.
const DRAFT_ID = "__draft__";

type ParagraphTextProps = {
  paragraph: EssayParagraph;
  highlights: ParagraphView["highlights"];
  draft: Span | null;
  /** Annotations to show as linked to the thread under the pointer or in focus. */
  activeIds: ReadonlySet<string>;
  /** While the margin is filtered, the annotations it shows; the others' marks are toned down. */
  matchIds: ReadonlySet<string> | null;
  onMarkClick: (annotationId: string) => void;
  onMarkHover: (annotationId: string | null) => void;
};

const KIND_CLASSES: Record<EssayParagraph["kind"], string> = {
  heading: "mt-8 mb-1 text-[1.45rem] font-semibold leading-snug tracking-tight",
  body: "",
  note: "text-[1rem] leading-relaxed text-muted",
};

/**
 * One paragraph's text, with highlights painted as <mark>s. The element's text content is exactly the
 * paragraph's text (nothing else may be rendered inside), which the selection offsets rely on.
 */
/** The element, rendered once by the reading room, that tells screen readers how to pick words in a paragraph. */
export const PICKING_HINT_ID = "paragraph-picking-hint";

export function ParagraphText({ paragraph, highlights, draft, activeIds, matchIds, onMarkClick, onMarkHover }: ParagraphTextProps) {
  const segments = useMemo(() => {
    const all = draft ? [...highlights, { annotation: { id: DRAFT_ID, createdAt: Number.MAX_SAFE_INTEGER } as Annotation, ...draft }] : highlights;
    return segmentText(paragraph.text, all);
  }, [paragraph.text, highlights, draft]);
  const privateIds = useMemo(() => new Set(highlights.filter((h) => h.private).map((h) => h.annotation.id)), [highlights]);

  const Tag = paragraph.kind === "heading" ? "h2" : "p";
  return (
    <Tag
      id={`p-${paragraph.id}`}
      data-paragraph-id={paragraph.id}
      {...{ [PARAGRAPH_TEXT_ATTRIBUTE]: paragraph.id }}
      // In the tab order, so the keyboard alone can pick words to annotate (lib/client/use-keyboard-picking.ts).
      tabIndex={0}
      aria-describedby={PICKING_HINT_ID}
      className={`scroll-mt-24 outline-none ${KIND_CLASSES[paragraph.kind]}`}
    >
      {segments.map((segment) => {
        if (segment.annotations.length === 0) return segment.text;
        const real = segment.annotations.filter((a) => a.id !== DRAFT_ID);
        const isDraft = real.length !== segment.annotations.length;
        const top = real.at(-1);
        if (!top) {
          return (
            <mark key={segment.start} className="gloss-draft">
              {segment.text}
            </mark>
          );
        }
        const names = [...new Set(real.map((a) => a.authorName))].join(", ");
        const onlyPrivate = real.every((a) => privateIds.has(a.id));
        return (
          <mark
            key={segment.start}
            data-annotation-id={top.id}
            data-annotation-ids={real.map((a) => a.id).join(" ")}
            data-color={top.color ?? "yellow"}
            data-active={real.some((a) => activeIds.has(a.id)) ? "true" : undefined}
            data-overlap={real.length > 1 ? "true" : undefined}
            data-private={onlyPrivate ? "true" : undefined}
            data-dim={matchIds && !real.some((a) => matchIds.has(a.id)) ? "true" : undefined}
            title={onlyPrivate ? "Your private highlight" : `Highlighted by ${names}`}
            onClick={() => onMarkClick(top.id)}
            onMouseEnter={() => onMarkHover(top.id)}
            onMouseLeave={() => onMarkHover(null)}
            className={`gloss-mark ${HIGHLIGHT_STYLES[top.color ?? "yellow"].className} ${isDraft ? "gloss-draft" : ""}`}
          >
            {segment.text}
          </mark>
        );
      })}
    </Tag>
  );
}

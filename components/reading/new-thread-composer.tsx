"use client";

import { useState } from "react";
import type { Span } from "@/lib/doc/anchor";
import { HIGHLIGHT_COLORS, type HighlightColor } from "@/lib/doc/layout";
import { HIGHLIGHT_STYLES } from "@/lib/client/highlight-colors";
import { CommentForm } from "./comment-form";

export type ComposerTarget =
  | { kind: "highlight"; paragraphId: string; span: Span; exact: string }
  | { kind: "paragraph"; paragraphId: string };

type NewThreadComposerProps = {
  target: ComposerTarget;
  initialColor: HighlightColor;
  disabled: boolean;
  onSave: (target: ComposerTarget, body: string, color: HighlightColor) => void;
  onCancel: () => void;
};

/** Opens a thread from the margin: on the selected words (with their highlight colour) or on the paragraph. */
export function NewThreadComposer({ target, initialColor, disabled, onSave, onCancel }: NewThreadComposerProps) {
  const [color, setColor] = useState(initialColor);
  return (
    <div className="rounded-lg border border-accent/40 bg-card px-3.5 py-3 shadow-md">
      <CommentForm
        label={target.kind === "highlight" ? "Comment on the selected words" : "Comment on this paragraph"}
        submitLabel="Save"
        placeholder="What do you make of this?"
        autoFocus
        disabled={disabled}
        onSubmit={(body) => onSave(target, body, color)}
        onCancel={onCancel}
      >
        {target.kind === "highlight" ? (
          <>
            <blockquote className="flex gap-2 text-[0.875rem] leading-snug text-ink/80">
              <span aria-hidden="true" className={`mt-0.5 w-1 shrink-0 self-stretch rounded-full ${HIGHLIGHT_STYLES[color].className}`} />
              <span className="line-clamp-3 font-serif italic">“{target.exact}”</span>
            </blockquote>
            <fieldset className="flex items-center gap-2">
              <legend className="sr-only">Highlight colour</legend>
              <span aria-hidden="true" className="text-xs text-muted">
                Colour
              </span>
              {HIGHLIGHT_COLORS.map((option) => (
                // The radio itself is the swatch (appearance: none), so it is what is seen, clicked and focused.
                <input
                  key={option}
                  type="radio"
                  name="highlight-colour"
                  value={option}
                  aria-label={HIGHLIGHT_STYLES[option].label}
                  title={HIGHLIGHT_STYLES[option].label}
                  checked={color === option}
                  onChange={() => setColor(option)}
                  className={`size-6 cursor-pointer appearance-none rounded-full border border-black/10 checked:ring-2 checked:ring-accent checked:ring-offset-2 ${HIGHLIGHT_STYLES[option].className}`}
                />
              ))}
            </fieldset>
          </>
        ) : (
          <p className="text-xs font-medium uppercase tracking-wide text-muted">On the whole paragraph</p>
        )}
      </CommentForm>
    </div>
  );
}

"use client";

import { forwardRef, type KeyboardEvent } from "react";
import { HIGHLIGHT_COLORS, type HighlightColor } from "@/lib/doc/layout";
import { HIGHLIGHT_STYLES } from "@/lib/client/highlight-colors";
import { NARROW_SCREEN, useMediaQuery } from "@/lib/client/use-media-query";
import { LockIcon } from "./icons";

export type ToolbarPlacement = { top: number; left: number; above: boolean };

type SelectionToolbarProps = {
  placement: ToolbarPlacement;
  onHighlight: (color: HighlightColor) => void;
  onComment: () => void;
  /** Offered when the reader's private notes are available: the highlight or note goes there instead. */
  onlyMe: { on: boolean; onChange: (on: boolean) => void } | null;
  /** Offered to instructors: put the selected words in front of the class (live seminar mode). */
  onSpotlight?: () => void;
  /** While an instructor re-attaches a note after a revision: put it on these words. */
  onAttach?: () => void;
};

/**
 * Floats by the selected words; on phones it docks at the bottom of the screen instead, full width, where it
 * neither runs off the edge nor sits under the system's own selection menu. It is rendered right after the
 * paragraph in the DOM, so after selecting with the keyboard, Tab lands on it; arrow keys move between its
 * buttons. Pressing a button must not clear the selection first, hence the prevented mousedown.
 */
export const SelectionToolbar = forwardRef<HTMLDivElement, SelectionToolbarProps>(function SelectionToolbar(
  { placement, onHighlight, onComment, onlyMe, onSpotlight, onAttach },
  ref,
) {
  const docked = useMediaQuery(NARROW_SCREEN);
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const buttons = [...event.currentTarget.querySelectorAll("button")];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[(at + (event.key === "ArrowRight" ? 1 : -1) + buttons.length) % buttons.length];
    next?.focus();
    event.preventDefault();
  }

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label="Annotate the selected words"
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={onKeyDown}
      data-docked={docked || undefined}
      style={docked ? undefined : { top: placement.top, left: placement.left }}
      className={`z-40 flex items-center gap-1 border border-line bg-card font-sans text-sm shadow-lg ${
        docked
          ? "fixed inset-x-2 bottom-[calc(0.75rem+env(safe-area-inset-bottom))] flex-wrap justify-center gap-y-1.5 rounded-2xl px-2 py-1.5"
          : `absolute -translate-x-1/2 rounded-full py-1 pl-2 pr-1 ${placement.above ? "-translate-y-full" : ""}`
      }`}
    >
      {onAttach ? (
        <>
          <button type="button" onClick={onAttach} className="rounded-full bg-accent px-3 py-1 font-medium text-white hover:bg-accent-strong">
            Attach note here
          </button>
          <span aria-hidden="true" className="mx-1 h-5 w-px bg-line" />
        </>
      ) : null}
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          onClick={() => onHighlight(color)}
          aria-label={`Highlight in ${HIGHLIGHT_STYLES[color].label.toLowerCase()}`}
          title={`Highlight in ${HIGHLIGHT_STYLES[color].label.toLowerCase()}${onlyMe?.on ? " (only you will see it)" : ""}`}
          className={`size-7 shrink-0 rounded-full border border-black/10 transition-transform hover:scale-110 ${HIGHLIGHT_STYLES[color].className}`}
        />
      ))}
      <span aria-hidden="true" className="mx-1 h-5 w-px bg-line" />
      <button type="button" onClick={onComment} className="rounded-full px-3 py-1 font-medium text-accent hover:bg-paper">
        Comment
      </button>
      {onSpotlight ? (
        <button type="button" onClick={onSpotlight} title="Show these words to the class" className="rounded-full px-3 py-1 text-muted hover:bg-paper hover:text-ink">
          Spotlight
        </button>
      ) : null}
      {onlyMe ? (
        <>
          <span aria-hidden="true" className="mx-0.5 h-5 w-px bg-line" />
          <button
            type="button"
            aria-pressed={onlyMe.on}
            onClick={() => onlyMe.onChange(!onlyMe.on)}
            title={onlyMe.on ? "Private: only you will see what you add" : "Make what you add private"}
            className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2.5 py-1 text-[0.8125rem] ${
              onlyMe.on ? "bg-ink font-medium text-white" : "text-muted hover:bg-paper hover:text-ink"
            }`}
          >
            <LockIcon />
            Only me
          </button>
        </>
      ) : null}
    </div>
  );
});

"use client";

import type { ReactNode, RefObject } from "react";
import type { Span } from "@/lib/doc/anchor";
import type { HighlightColor } from "@/lib/doc/layout";
import type { ParagraphView, Thread } from "@/lib/doc/read";
import { initials, readerColor, type Reader } from "@/lib/client/use-presence";
import type { Placement } from "@/lib/client/use-text-selection";
import type { EssayParagraph } from "@/lib/essays/get-essay.server";
import { CommentsIcon } from "./icons";
import { MarginSheet } from "./margin-sheet";
import { ParagraphText } from "./paragraph-text";
import { SelectionToolbar } from "./selection-toolbar";
import { ThreadCard } from "./thread-card";

const NO_HIGHLIGHTS: ParagraphView["highlights"] = [];

export type ThreadCallbacks = {
  onActivate: (annotationId: string) => void;
  onHover: (annotationId: string | null) => void;
  onShowInText: (annotationId: string) => void;
};

type ParagraphRowProps = {
  paragraph: EssayParagraph;
  label: string;
  view: ParagraphView | undefined;
  /** The threads the margin shows (all of them, or those matching the filters). */
  threads: Thread[];
  /** While filtering, the annotations that match; null when nothing is filtered. */
  matchIds: ReadonlySet<string> | null;
  draft: Span | null;
  activeIds: ReadonlySet<string>;
  canWrite: boolean;
  readersHere: Reader[];
  onMarkClick: (annotationId: string) => void;
  onCommentOnParagraph: () => void;
  toolbar: {
    ref: RefObject<HTMLDivElement | null>;
    placement: Placement;
    onHighlight: (color: HighlightColor) => void;
    onComment: () => void;
    onlyMe: { on: boolean; onChange: (on: boolean) => void } | null;
    onSpotlight?: () => void;
    /** While an instructor re-attaches a note: put it on the selected words. */
    onAttach?: () => void;
  } | null;
  /** During live seminar mode: how many are reading this paragraph and how many notes it has. */
  activity?: { readers: number; notes: number } | null;
  /** The instructor's spotlight is on this paragraph. */
  spotlit?: boolean;
  /** Shown at the top of this paragraph's margin (the prompt of the assignment whose passage starts here). */
  aside?: ReactNode;
  /** The paragraph is part of the passage of the assignment the reader opened. */
  inAssignment?: boolean;
  composer: ReactNode;
  /** A word for the margin that is not a note (how to start, on an empty margin): shown inline everywhere. */
  hint?: ReactNode;
  /**
   * On phones, the paragraph's threads and composer are in a bottom sheet (open or not) instead of under the
   * paragraph; null on wider screens.
   */
  sheet: { open: boolean; onOpen: () => void; onClose: () => void } | null;
  callbacks: ThreadCallbacks;
};

const ROW_SPACING: Record<EssayParagraph["kind"], string> = {
  heading: "",
  body: "mb-5",
  note: "mt-14 mb-5",
};

/**
 * One paragraph and its part of the margin. On wide screens they sit side by side in a two-column grid, so
 * notes never cover the text; on tablets the notes follow the paragraph; on phones a button under the paragraph
 * counts them and opens them in a bottom sheet, so the essay reads without interruption.
 */
export function ParagraphRow(props: ParagraphRowProps) {
  const { paragraph, label, view, threads, matchIds, draft, activeIds, canWrite, readersHere, toolbar, composer, hint, sheet, callbacks, activity, spotlit, aside, inAssignment } = props;
  const hasMargin = composer !== null || threads.length > 0 || Boolean(activity) || Boolean(aside) || Boolean(hint);
  const notes = threads.map((thread) => <ThreadCard key={thread.annotation.id} thread={thread} active={activeIds.has(thread.annotation.id)} {...callbacks} />);
  const count = `${threads.length} ${threads.length === 1 ? "note" : "notes"}`;

  const text = (
    <ParagraphText
      paragraph={paragraph}
      highlights={view?.highlights ?? NO_HIGHLIGHTS}
      draft={draft}
      activeIds={activeIds}
      matchIds={matchIds}
      onMarkClick={props.onMarkClick}
      onMarkHover={callbacks.onHover}
    />
  );

  return (
    <div
      data-paragraph-row={paragraph.id}
      data-spotlight={spotlit ? "true" : undefined}
      data-in-assignment={inAssignment ? "true" : undefined}
      className={`group/row grid grid-cols-1 wide:grid-cols-[minmax(0,var(--measure))_var(--margin-width)] wide:gap-x-12 ${ROW_SPACING[paragraph.kind]}`}
    >
      <div data-text-column className="relative min-w-0 max-w-[var(--measure)]">
        {paragraph.kind === "note" ? (
          <aside aria-label="About the author" className="rounded-lg border border-line bg-card/70 px-5 py-4">
            <p className="mb-1.5 font-sans text-xs font-semibold uppercase tracking-wider text-muted" aria-hidden="true">
              About the author
            </p>
            {text}
          </aside>
        ) : (
          text
        )}

        {toolbar ? (
          <SelectionToolbar
            ref={toolbar.ref}
            placement={toolbar.placement}
            onHighlight={toolbar.onHighlight}
            onComment={toolbar.onComment}
            onlyMe={toolbar.onlyMe}
            onSpotlight={toolbar.onSpotlight}
            onAttach={toolbar.onAttach}
          />
        ) : null}

        {canWrite ? (
          <button
            type="button"
            onClick={props.onCommentOnParagraph}
            aria-label={`Comment on paragraph: ${label}`}
            title="Comment on this paragraph"
            // On phones it takes a line of its own under the paragraph, so it never covers the last words.
            className="ml-auto mt-1.5 grid h-7 w-fit min-w-7 place-items-center rounded-full border border-line bg-card px-1.5 font-sans text-sm leading-none text-muted opacity-0 shadow-xs transition-opacity hover:border-accent hover:text-accent focus-visible:opacity-100 group-hover/row:opacity-100 group-focus-within/row:opacity-100 md:absolute md:-left-12 md:top-1 md:mt-0 md:size-8 md:text-lg [@media(hover:none)]:opacity-100"
          >
            <span aria-hidden="true">+</span>
          </button>
        ) : null}

        {readersHere.length > 0 ? (
          // Who is reading this paragraph right now: small avatars in the left gutter (in the room bar on phones).
          <ul
            aria-label={`Reading here: ${readersHere.map((r) => r.name).join(", ")}`}
            className="absolute -left-11 top-11 hidden flex-col items-center gap-1 md:flex"
          >
            {readersHere.slice(0, 4).map((reader) => (
              <li
                key={reader.id}
                title={`${reader.name} is reading here`}
                data-reader-id={reader.id}
                className="grid size-6 place-items-center rounded-full font-sans text-[0.625rem] font-semibold text-white ring-2 ring-paper"
                style={{ backgroundColor: readerColor(reader) }}
              >
                {initials(reader.name)}
              </li>
            ))}
            {readersHere.length > 4 ? (
              <li className="font-sans text-[0.6875rem] text-muted" title={readersHere.slice(4).map((r) => r.name).join(", ")}>
                +{readersHere.length - 4}
              </li>
            ) : null}
          </ul>
        ) : null}
      </div>

      {hasMargin ? (
        // On wide screens the group is positioned by useMarginLayout, relative to this cell at the row's top.
        <div className="min-w-0 wide:relative wide:h-0 wide:self-start">
          <div
            data-margin-group
            data-margin-for={paragraph.id}
            aria-label={`Notes on ${label}`}
            role="complementary"
            className={`${sheet ? "mt-3" : "mt-7 md:mt-4"} flex min-w-0 flex-col gap-3 font-sans text-[0.9375rem] leading-normal wide:absolute wide:inset-x-0 wide:mt-0 wide:pt-1`}
          >
            {aside}
            {activity ? (
              <p data-activity className="flex items-center gap-3 text-xs text-muted" aria-label={`${activity.readers} reading, ${activity.notes} ${activity.notes === 1 ? "note" : "notes"}`}>
                <span aria-hidden="true" className={activity.readers > 0 ? "font-semibold text-accent-strong" : undefined}>
                  {activity.readers} reading
                </span>
                <span aria-hidden="true">·</span>
                <span aria-hidden="true">
                  {activity.notes} {activity.notes === 1 ? "note" : "notes"}
                </span>
                {spotlit ? <span className="rounded-full bg-accent px-2 py-0.5 font-semibold text-white">Spotlight</span> : null}
              </p>
            ) : null}
            {hint}
            {sheet === null ? (
              <>
                {composer}
                {notes}
              </>
            ) : (
              <>
                {threads.length > 0 ? (
                  <button
                    type="button"
                    data-sheet-opener={paragraph.id}
                    aria-expanded={sheet.open}
                    onClick={sheet.open ? sheet.onClose : sheet.onOpen}
                    className={`inline-flex w-fit items-center gap-1.5 rounded-full border px-3 py-1.5 text-sm ${
                      sheet.open ? "border-accent/60 bg-accent/5 text-accent-strong" : "border-line bg-card text-muted hover:text-ink"
                    }`}
                  >
                    <CommentsIcon />
                    {count}
                    <span className="sr-only"> on {label}</span>
                  </button>
                ) : null}
                {sheet.open ? (
                  <MarginSheet label={`Notes on ${label}`} summary={composer ? "Writing a new note" : count} onClose={sheet.onClose}>
                    {composer}
                    {notes}
                  </MarginSheet>
                ) : null}
              </>
            )}
          </div>
        </div>
      ) : null}
    </div>
  );
}

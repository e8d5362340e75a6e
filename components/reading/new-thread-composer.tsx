"use client";

import { useId, useState } from "react";
import type { Span } from "@/lib/doc/anchor";
import { HIGHLIGHT_COLORS, type HighlightColor } from "@/lib/doc/layout";
import type { CommentDraft } from "@/lib/client/annotate";
import { HIGHLIGHT_STYLES } from "@/lib/client/highlight-colors";
import type { Member } from "@/lib/client/mentions";
import { CommentForm } from "./comment-form";
import { LockIcon, PublicRoomIcon, SeminarRoomIcon } from "./icons";
import { placeAudience, placeName, type RoomPlace } from "./room-place";

export type ComposerTarget =
  | { kind: "highlight"; paragraphId: string; span: Span; exact: string }
  | { kind: "paragraph"; paragraphId: string };

type NewThreadComposerProps = {
  target: ComposerTarget;
  initialColor: HighlightColor;
  disabled: boolean;
  /** Tags and members for a note the seminar sees, and for a private one. */
  tags: { shared: readonly string[]; private: readonly string[] };
  members: { shared: readonly Member[]; private: readonly Member[] };
  /** Whether the reader's private notes are available, and whether this note goes there. */
  canBePrivate: boolean;
  onlyMe: boolean;
  /** Where the note goes when it is not private. */
  place: RoomPlace;
  onOnlyMeChange: (onlyMe: boolean) => void;
  onSave: (target: ComposerTarget, draft: Required<CommentDraft>, color: HighlightColor, onlyMe: boolean) => void;
  onCancel: () => void;
};

/** Opens a thread from the margin: on the selected words (with their highlight colour) or on the paragraph. */
export function NewThreadComposer(props: NewThreadComposerProps) {
  const { target, initialColor, disabled, canBePrivate, place, onSave, onCancel } = props;
  const [color, setColor] = useState(initialColor);
  const hintId = useId();
  const onlyMe = canBePrivate && props.onlyMe;
  const where = onlyMe ? "private" : "shared";

  return (
    <div className={`rounded-lg border bg-card px-3.5 py-3 shadow-md ${onlyMe ? "border-dashed border-muted/60" : "border-accent/40"}`}>
      <CommentForm
        label={target.kind === "highlight" ? "Comment on the selected words" : "Comment on this paragraph"}
        submitLabel="Save"
        placeholder={onlyMe ? "A note for yourself…" : "What do you make of this?"}
        autoFocus
        disabled={disabled}
        tags={props.tags[where]}
        members={props.members[where]}
        onSubmit={(draft) => onSave(target, draft, color, onlyMe)}
        onCancel={onCancel}
        extra={
          <div className="flex flex-col gap-1.5">
            {/* Where the note goes, always in view while writing it: the public room and a seminar's look alike. */}
            <p className={`flex items-start gap-1.5 text-xs ${onlyMe ? "text-muted" : place.kind === "public" ? "text-amber-800" : "text-muted"}`} data-posts-to>
              {onlyMe ? <LockIcon className="mt-px size-3.5" /> : place.kind === "public" ? <PublicRoomIcon className="mt-px size-3.5" /> : <SeminarRoomIcon className="mt-px size-3.5" />}
              <span id={hintId}>
                {onlyMe ? (
                  <>
                    <strong className="font-medium text-ink">Only you</strong> will see this note, instructors included. Private notes are yours
                    across seminars, so they take the built-in tags only.
                  </>
                ) : (
                  <>
                    Posts to <strong className="font-medium text-ink">{placeName(place)}</strong>: {placeAudience(place)}.
                  </>
                )}
              </span>
            </p>
            {canBePrivate ? (
              <label className="flex w-fit cursor-pointer items-center gap-2 rounded-md py-0.5 text-sm text-ink">
                <input
                  type="checkbox"
                  checked={onlyMe}
                  onChange={(event) => props.onOnlyMeChange(event.target.checked)}
                  aria-describedby={hintId}
                  className="size-4 accent-accent"
                />
                <span className="inline-flex items-center gap-1 font-medium">
                  <LockIcon />
                  Only me
                </span>
              </label>
            ) : null}
          </div>
        }
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

"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { mayResolve, moderates } from "@/lib/doc/permissions";
import type { Thread } from "@/lib/doc/read";
import { HIGHLIGHT_STYLES } from "@/lib/client/highlight-colors";
import { Byline, CommentBlock, Confirm, ErrorNote, Time, badge, linkButton, quietButton } from "./comment-block";
import { CommentForm } from "./comment-form";
import { CheckIcon, ChevronIcon, LockIcon } from "./icons";
import { attempt, useReading } from "./reading-context";

type ThreadCardProps = {
  thread: Thread;
  active: boolean;
  onActivate: (annotationId: string) => void;
  onHover: (annotationId: string | null) => void;
  /** Scrolls the essay to the highlighted words. */
  onShowInText: (annotationId: string) => void;
};

export function ThreadCard({ thread, active, onActivate, onHover, onShowInText }: ThreadCardProps) {
  const reading = useReading();
  const { me, now, actions } = reading;
  const { annotation, opener, replies, resolved } = thread;
  // Its words are not in the essay as it is now: nothing to show in the text.
  const orphaned = thread.unanchored !== null;
  const [expanded, setExpanded] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const replying = reading.replyingId === annotation.id;
  const collapsed = resolved !== null && !expanded && !replying;
  const card = useRef<HTMLElement>(null);
  const replyButton = useRef<HTMLButtonElement>(null);
  const wasReplying = useRef(false);

  // When the reply box closes (sent or cancelled), focus returns to the button that opened it, unless the
  // reader has moved on (opening another thread's reply box closes this one).
  useEffect(() => {
    const focused = document.activeElement;
    const lost = !focused || focused === document.body || card.current?.contains(focused);
    if (wasReplying.current && !replying && lost) replyButton.current?.focus({ preventScroll: true });
    wasReplying.current = replying;
  }, [replying]);

  const canWrite = reading.canWrite(thread);
  const placing = canWrite && !thread.private && moderates(reading.role) && (thread.review !== null || thread.unanchored !== null);
  const canResolve = canWrite && opener !== null && mayResolve({ id: me.id, name: me.name, role: thread.private ? "owner" : reading.role }, opener.authorId);
  const quote = annotation.selector?.[0].exact ?? null;
  const colour = annotation.color ? HIGHLIGHT_STYLES[annotation.color] : null;
  const short = quote && quote.length > 60 ? `${quote.slice(0, 60)}…` : quote;
  const label = `${thread.private ? "Private note" : "Note"} on ${short ? `“${short}”` : "the whole paragraph"}`;
  const commentCount = (opener ? 1 : 0) + replies.length;
  const focusCard = () => requestAnimationFrame(() => card.current?.focus({ preventScroll: true }));

  const frame = (children: ReactNode) => (
    <article
      ref={card}
      id={`thread-${annotation.id}`}
      data-thread-id={annotation.id}
      data-thread-paragraph={thread.shownBeside ?? annotation.paragraphId}
      data-private={thread.private ? "true" : undefined}
      data-resolved={resolved ? "true" : undefined}
      tabIndex={-1}
      aria-label={label}
      onMouseEnter={() => onHover(annotation.id)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(annotation.id)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onHover(null);
      }}
      onClick={() => onActivate(annotation.id)}
      className={`scroll-mt-28 rounded-lg border px-3.5 shadow-xs transition-shadow ${collapsed ? "py-2" : "py-3"} ${
        thread.private ? "border-dashed bg-[#fdfcf8]" : "bg-card"
      } ${active ? "border-accent/60 shadow-md ring-1 ring-accent/30" : thread.private ? "border-muted/40" : "border-line"}`}
    >
      {children}
    </article>
  );

  if (collapsed) {
    return frame(
      <button
        type="button"
        aria-expanded={false}
        onClick={(event) => {
          event.stopPropagation();
          setExpanded(true);
          focusCard();
        }}
        className="flex w-full min-w-0 items-center gap-2 text-left text-[0.8125rem] text-muted hover:text-ink"
      >
        <CheckIcon className="size-4 text-emerald-700" />
        <span className="shrink-0 font-medium text-ink">Resolved by {resolved.byName}</span>
        {quote ? <span className="min-w-0 truncate font-serif italic">“{quote}”</span> : <span className="min-w-0 truncate">whole paragraph</span>}
        <span className="ml-auto shrink-0 tabular-nums" aria-label={`${commentCount} comments`}>
          {commentCount}
        </span>
        <ChevronIcon className="size-3.5 shrink-0" />
      </button>,
    );
  }

  return frame(
    <>
      {thread.private ? (
        <p className="mb-1.5 flex items-center gap-1.5 text-xs font-medium text-muted">
          <LockIcon className="size-3.5" />
          Only you can see this
        </p>
      ) : null}

      {resolved ? (
        <div className="-mx-3.5 -mt-3 mb-2.5 flex flex-wrap items-center gap-x-2 gap-y-1 rounded-t-lg border-b border-line bg-emerald-50 px-3.5 py-1.5 text-[0.8125rem]">
          <CheckIcon className="size-4 text-emerald-700" />
          <span className="font-medium text-emerald-900">Resolved by {resolved.byName}</span>
          <span className="text-muted">
            · <Time at={resolved.at} now={now} />
          </span>
          <button
            type="button"
            aria-expanded={true}
            onClick={(event) => {
              event.stopPropagation();
              setExpanded(false);
              focusCard();
            }}
            className={`${quietButton} ml-auto`}
          >
            Collapse
          </button>
        </div>
      ) : null}

      {thread.review ? (
        <p data-review className="mb-1.5 text-xs font-medium text-amber-800">
          Re-attached after a revision — check: {thread.review}.
        </p>
      ) : null}
      {thread.unanchored ? (
        <p data-unanchored className="mb-1.5 text-xs text-muted">
          <span className="font-semibold">Unanchored:</span> {thread.unanchored}.
        </p>
      ) : null}
      {placing ? (
        // The review queue, for instructors: keep the note where it landed, or put it on other words.
        <div role="group" aria-label="Place this note" className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1">
          {thread.review && thread.span ? (
            <button type="button" onClick={(event) => (event.stopPropagation(), attempt(() => actions.confirmPlace(thread), setError))} className={linkButton}>
              Confirm placement
            </button>
          ) : null}
          <button
            type="button"
            aria-pressed={reading.reattachingId === annotation.id}
            onClick={(event) => {
              event.stopPropagation();
              reading.setReattachingId(reading.reattachingId === annotation.id ? null : annotation.id);
            }}
            className={linkButton}
          >
            {reading.reattachingId === annotation.id ? "Cancel re-attaching" : "Re-attach…"}
          </button>
        </div>
      ) : thread.placedBy && !orphaned ? (
        <p className="mb-1.5 text-xs text-muted">Placed by {thread.placedBy} after a revision.</p>
      ) : null}

      {quote ? (
        <blockquote className={`mb-2 flex gap-2 text-[0.875rem] leading-snug ${orphaned ? "text-muted" : "text-ink/80"}`}>
          <span aria-hidden="true" className={`mt-0.5 w-1 shrink-0 self-stretch rounded-full ${colour?.className ?? "bg-line"}`} />
          {orphaned ? (
            <span className="line-clamp-3 font-serif italic">“{quote}”</span>
          ) : (
            <button
              type="button"
              onClick={(event) => {
                event.stopPropagation();
                onShowInText(annotation.id);
              }}
              title="Show in the text"
              className="line-clamp-3 text-left font-serif italic hover:underline hover:decoration-line hover:underline-offset-2"
            >
              “{quote}”
            </button>
          )}
        </blockquote>
      ) : (
        <p className="mb-2 text-xs font-medium uppercase tracking-wide text-muted">On the whole paragraph</p>
      )}

      {opener ? (
        <CommentBlock thread={thread} comment={opener} isOpener />
      ) : thread.openerDeleted ? (
        <p className="text-[0.875rem] italic text-muted">Comment deleted</p>
      ) : (
        <Byline name={annotation.authorName} at={annotation.createdAt} now={now} verb="highlighted this">
          {annotation.authorId === me.id && canWrite && !confirmingRemove ? (
            <button type="button" onClick={() => setConfirmingRemove(true)} className={`${quietButton} ml-auto`}>
              Remove
            </button>
          ) : null}
        </Byline>
      )}
      {confirmingRemove ? (
        <Confirm
          question="Remove this highlight?"
          confirmLabel="Remove"
          onConfirm={() => {
            if (attempt(() => actions.removeHighlight(thread), setError)) setConfirmingRemove(false);
          }}
          onCancel={() => setConfirmingRemove(false)}
        />
      ) : null}

      {replies.length > 0 ? (
        <ol aria-label="Replies" className="mt-3 flex flex-col gap-3 border-l-2 border-line pl-3">
          {replies.map((reply) => (
            <li key={reply.id}>
              <CommentBlock thread={thread} comment={reply} isOpener={false} />
            </li>
          ))}
        </ol>
      ) : null}

      {canWrite && replying ? (
        <div className="mt-3">
          <CommentForm
            label={opener ? `Reply to ${opener.authorName}` : thread.rootId ? "Reply" : "Comment on this highlight"}
            submitLabel={thread.rootId ? "Reply" : "Comment"}
            placeholder={thread.rootId ? "Write a reply…" : "Write a comment…"}
            autoFocus
            tags={reading.tagsFor(thread)}
            members={reading.mentionableFor(thread)}
            onSubmit={(draft) => {
              actions.respond(thread, draft);
              reading.setReplyingId(null);
            }}
            onCancel={() => reading.setReplyingId(null)}
          />
        </div>
      ) : canWrite ? (
        <div className="mt-2 flex items-center gap-4">
          <button
            ref={replyButton}
            type="button"
            onClick={(event) => {
              event.stopPropagation();
              reading.setReplyingId(annotation.id);
              onActivate(annotation.id);
            }}
            className={linkButton}
          >
            {thread.rootId ? "Reply" : "Add a comment"}
          </button>
          {canResolve ? (
            <button
              type="button"
              onClick={(event) => {
                event.stopPropagation();
                if (resolved) {
                  attempt(() => actions.reopen(thread), setError);
                } else if (attempt(() => actions.resolve(thread), setError)) {
                  setExpanded(false);
                  focusCard();
                }
              }}
              className={linkButton}
            >
              {resolved ? "Reopen" : "Resolve"}
            </button>
          ) : null}
        </div>
      ) : null}
      <ErrorNote message={error} />
    </>,
  );
}

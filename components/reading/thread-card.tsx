"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { Markdown } from "@/components/markdown";
import type { Member } from "@/lib/client/mentions";
import type { CommentView, Thread } from "@/lib/doc/read";
import { HIGHLIGHT_STYLES } from "@/lib/client/highlight-colors";
import { relativeTime } from "@/lib/client/relative-time";
import { CommentForm } from "./comment-form";
import { CheckIcon, ChevronIcon, EyeOffIcon, LockIcon } from "./icons";
import { ReactionBar } from "./reaction-bar";
import { attempt, deletesWholeNote, useReading } from "./reading-context";
import { TagList } from "./tag-picker";

type ThreadCardProps = {
  thread: Thread;
  active: boolean;
  onActivate: (annotationId: string) => void;
  onHover: (annotationId: string | null) => void;
  /** Scrolls the essay to the highlighted words. */
  onShowInText: (annotationId: string) => void;
};

const linkButton = "rounded px-1 -mx-1 text-[0.8125rem] font-medium text-accent hover:underline disabled:opacity-50";
const quietButton = "rounded px-1 -mx-1 text-xs text-muted hover:text-ink hover:underline";
const badge = "inline-flex items-center gap-1 rounded-full px-1.5 py-px text-[0.6875rem] font-semibold uppercase tracking-wide";

function Time({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={new Date(at).toLocaleString()}>
      {relativeTime(at, now)}
    </time>
  );
}

function Byline({ name, at, now, verb, children }: { name: string; at: number; now: number; verb?: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-[0.8125rem] text-muted">
      <span className="font-semibold text-ink">{name}</span>
      {verb ? <span>{verb}</span> : null}
      <span aria-hidden="true">·</span>
      <Time at={at} now={now} />
      {children}
    </div>
  );
}

function ErrorNote({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="mt-1.5 text-[0.8125rem] leading-snug text-danger">
      {message}
    </p>
  ) : null;
}

/** "Delete this? [Delete] [Keep]" in place of the control, so nothing goes with one stray click. */
function Confirm({ question, confirmLabel, onConfirm, onCancel }: { question: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div role="group" aria-label={question} className="mt-1.5 flex flex-wrap items-center gap-2 rounded-md bg-danger/5 px-2 py-1.5 text-[0.8125rem]">
      <span className="text-ink">{question}</span>
      <button type="button" onClick={onConfirm} className="rounded bg-danger px-2 py-0.5 font-medium text-white hover:bg-danger/90">
        {confirmLabel}
      </button>
      <button ref={keep} type="button" onClick={onCancel} className="rounded px-2 py-0.5 text-muted hover:bg-paper hover:text-ink">
        Keep
      </button>
    </div>
  );
}

/** One comment: byline, text (or why it is not shown), tags, reactions and what the reader may do with it. */
function CommentBlock({ thread, comment, isOpener }: { thread: Thread; comment: CommentView; isOpener: boolean }) {
  const reading = useReading();
  const { me, now, actions } = reading;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  const canWrite = reading.canWrite(thread);
  const mine = comment.authorId === me.id;
  const moderator = reading.role === "instructor" && !thread.private;
  const hiddenFromMe = (comment.hidden !== null || comment.withheld === true) && !moderator;
  const mentionsMe = comment.mentions.includes(me.id) && !hiddenFromMe;
  const mentioned = comment.mentions.map((id) => reading.membersById.get(id)).filter((m): m is Member => m !== undefined);
  const whole = deletesWholeNote(thread, comment);

  return (
    <div
      data-comment-id={comment.id}
      data-hidden={comment.hidden ? "true" : undefined}
      data-mentions-me={mentionsMe ? "true" : undefined}
      className={mentionsMe ? "-mx-2 rounded-md border-l-[3px] border-accent bg-accent/[0.06] px-2 py-1.5" : undefined}
    >
      <Byline name={comment.authorName} at={comment.createdAt} now={now}>
        {comment.editedAt !== null ? (
          <span title={`Edited ${new Date(comment.editedAt).toLocaleString()}`} className="italic">
            (edited)
          </span>
        ) : null}
        {mentionsMe ? <span className={`${badge} bg-accent text-white`}>Mentions you</span> : null}
        {comment.hidden && moderator ? (
          <span className={`${badge} bg-ink/10 text-ink`} title={`Hidden by ${comment.hidden.byName}`}>
            <EyeOffIcon className="size-3" />
            Hidden
          </span>
        ) : null}
      </Byline>

      {hiddenFromMe ? (
        <p className="mt-0.5 flex items-center gap-1.5 text-[0.875rem] italic text-muted">
          <EyeOffIcon />
          Hidden by the instructor
        </p>
      ) : comment.withheld && comment.body === "" ? (
        <p className="mt-0.5 text-[0.875rem] italic text-muted" role="status">
          Loading the hidden comment’s text…
        </p>
      ) : editing ? (
        <div className="mt-1.5">
          <CommentForm
            label="Edit your comment"
            submitLabel="Save"
            autoFocus
            initial={{ body: comment.body, tags: comment.tags }}
            tags={reading.tagsFor(thread)}
            members={reading.mentionableFor(thread)}
            onSubmit={(draft) => {
              actions.edit(thread, comment, draft);
              setEditing(false);
              requestAnimationFrame(() => editButton.current?.focus({ preventScroll: true }));
            }}
            onCancel={() => {
              setEditing(false);
              requestAnimationFrame(() => editButton.current?.focus({ preventScroll: true }));
            }}
          />
        </div>
      ) : (
        <>
          <Markdown
            source={comment.body}
            mentions={mentioned}
            me={me.id}
            className={`comment-body mt-0.5 break-words text-[0.9375rem] leading-snug text-ink ${comment.hidden ? "opacity-55" : ""}`}
          />
          <div className={comment.hidden ? "opacity-55" : undefined}>
            <TagList tags={comment.tags} />
          </div>
        </>
      )}

      {!editing ? (
        <div className="flex flex-wrap items-end justify-between gap-x-3 gap-y-1">
          {!thread.private && !hiddenFromMe ? (
            <ReactionBar
              reactions={comment.reactions}
              meId={me.id}
              canReact={canWrite && !mine}
              onReact={(kind) => attempt(() => actions.react(thread, comment, kind), setError)}
            />
          ) : (
            <span />
          )}
          {canWrite && (mine || moderator) ? (
            <div className="ml-auto mt-1.5 flex items-center gap-3">
              {mine && !hiddenFromMe ? (
                <button ref={editButton} type="button" onClick={() => setEditing(true)} className={quietButton} aria-label={`Edit comment by ${comment.authorName}`}>
                  Edit
                </button>
              ) : null}
              {mine ? (
                <button type="button" onClick={() => setConfirming(true)} className={quietButton} aria-label={`Delete comment by ${comment.authorName}`}>
                  Delete
                </button>
              ) : null}
              {moderator ? (
                <button
                  type="button"
                  onClick={() => attempt(() => actions.setHidden(thread, comment, comment.hidden === null), setError)}
                  className={quietButton}
                  aria-label={`${comment.hidden ? "Show" : "Hide"} comment by ${comment.authorName}`}
                >
                  {comment.hidden ? "Show" : "Hide"}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}

      {confirming ? (
        <Confirm
          question={whole ? "Delete this note and its highlight?" : isOpener && thread.replies.length > 0 ? "Delete your comment? The replies stay." : "Delete this comment?"}
          confirmLabel="Delete"
          onConfirm={() => {
            if (attempt(() => actions.remove(thread, comment), setError)) setConfirming(false);
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      <ErrorNote message={error} />
    </div>
  );
}

/** One annotation in the margin: the quoted words, the opening comment, the replies and a reply box. */
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
  const moderator = reading.role === "instructor" && !thread.private;
  const canResolve = canWrite && opener !== null && (moderator || opener.authorId === me.id);
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

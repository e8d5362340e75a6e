"use client";

import { useEffect, useRef, useState } from "react";
import { Markdown } from "@/components/markdown";
import type { Comment } from "@/lib/doc/layout";
import type { Thread } from "@/lib/doc/read";
import { HIGHLIGHT_STYLES } from "@/lib/client/highlight-colors";
import { relativeTime } from "@/lib/client/relative-time";
import { CommentForm } from "./comment-form";

type ThreadCardProps = {
  thread: Thread;
  now: number;
  canWrite: boolean;
  active: boolean;
  orphaned?: boolean;
  onActivate: (annotationId: string) => void;
  onHover: (annotationId: string | null) => void;
  /** Scrolls the essay to the highlighted words. */
  onShowInText: (annotationId: string) => void;
  /** Writes a reply, or the thread's first comment when a bare highlight has none. Throws on refusal. */
  onRespond: (thread: Thread, body: string) => void;
};

function Byline({ name, at, now, verb }: { name: string; at: number; now: number; verb?: string }) {
  return (
    <p className="text-[0.8125rem] text-muted">
      <span className="font-semibold text-ink">{name}</span>
      {verb ? ` ${verb}` : null}
      <span aria-hidden="true"> · </span>
      <time dateTime={new Date(at).toISOString()} title={new Date(at).toLocaleString()}>
        {relativeTime(at, now)}
      </time>
    </p>
  );
}

function CommentItem({ comment, now }: { comment: Comment; now: number }) {
  return (
    <div data-comment-id={comment.id}>
      <Byline name={comment.authorName} at={comment.createdAt} now={now} />
      <Markdown source={comment.body} className="comment-body mt-0.5 break-words text-[0.9375rem] leading-snug text-ink" />
    </div>
  );
}

/** One annotation in the margin: the quoted words, the opening comment, the replies and a reply box. */
export function ThreadCard({ thread, now, canWrite, active, orphaned, onActivate, onHover, onShowInText, onRespond }: ThreadCardProps) {
  const { annotation, opener, replies } = thread;
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const wasReplying = useRef(false);
  // When the reply box closes (sent or cancelled), focus returns to the button that opened it.
  useEffect(() => {
    if (wasReplying.current && !replying) replyButton.current?.focus({ preventScroll: true });
    wasReplying.current = replying;
  }, [replying]);
  const quote = annotation.selector?.[0].exact ?? null;
  const colour = annotation.color ? HIGHLIGHT_STYLES[annotation.color] : null;
  const label = quote ? `Note on “${quote.length > 60 ? `${quote.slice(0, 60)}…` : quote}”` : "Note on the whole paragraph";

  return (
    <article
      id={`thread-${annotation.id}`}
      data-thread-id={annotation.id}
      tabIndex={-1}
      aria-label={label}
      onMouseEnter={() => onHover(annotation.id)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(annotation.id)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onHover(null);
      }}
      onClick={() => onActivate(annotation.id)}
      className={`scroll-mt-24 rounded-lg border bg-card px-3.5 py-3 shadow-xs transition-shadow ${
        active ? "border-accent/60 shadow-md ring-1 ring-accent/30" : "border-line"
      }`}
    >
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
        <CommentItem comment={opener} now={now} />
      ) : (
        <Byline name={annotation.authorName} at={annotation.createdAt} now={now} verb="highlighted this" />
      )}

      {replies.length > 0 ? (
        <ol aria-label="Replies" className="mt-3 flex flex-col gap-3 border-l-2 border-line pl-3">
          {replies.map((reply) => (
            <li key={reply.id}>
              <CommentItem comment={reply} now={now} />
            </li>
          ))}
        </ol>
      ) : null}

      {canWrite ? (
        replying ? (
          <div className="mt-3">
            <CommentForm
              label={opener ? `Reply to ${opener.authorName}` : "Comment on this highlight"}
              submitLabel={opener ? "Reply" : "Comment"}
              placeholder={opener ? "Write a reply…" : "Write a comment…"}
              autoFocus
              onSubmit={(body) => {
                onRespond(thread, body);
                setReplying(false);
              }}
              onCancel={() => setReplying(false)}
            />
          </div>
        ) : (
          <button
            ref={replyButton}
            type="button"
            onClick={(event) => {
              event.stopPropagation();
              setReplying(true);
              onActivate(annotation.id);
            }}
            className="mt-2 rounded px-1 -mx-1 text-sm font-medium text-accent hover:underline"
          >
            {opener ? "Reply" : "Add a comment"}
          </button>
        )
      ) : null}
    </article>
  );
}

"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { Markdown } from "@/components/markdown";
import type { Member } from "@/lib/client/mentions";
import { relativeTime } from "@/lib/client/relative-time";
import { moderates } from "@/lib/doc/permissions";
import type { CommentView, Thread } from "@/lib/doc/read";
import { CommentForm } from "./comment-form";
import { EyeOffIcon } from "./icons";
import { ReactionBar } from "./reaction-bar";
import { attempt, deletesWholeNote, useReading } from "./reading-context";
import { TagList } from "./tag-picker";

export const linkButton = "rounded px-1 -mx-1 text-[0.8125rem] font-medium text-accent hover:underline disabled:opacity-50";
export const quietButton = "rounded px-1 -mx-1 text-xs text-muted hover:text-ink hover:underline";
export const badge = "inline-flex items-center gap-1 rounded-full px-1.5 py-px text-[0.6875rem] font-semibold uppercase tracking-wide";

export function Time({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={new Date(at).toLocaleString()}>
      {relativeTime(at, now)}
    </time>
  );
}

export function Byline({ name, at, now, verb, children }: { name: string; at: number; now: number; verb?: string; children?: ReactNode }) {
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

export function ErrorNote({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="mt-1.5 text-[0.8125rem] leading-snug text-danger">
      {message}
    </p>
  ) : null;
}

/** "Delete this? [Delete] [Keep]" in place of the control, so nothing goes with one stray click. */
export function Confirm({ question, confirmLabel, onConfirm, onCancel }: { question: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
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
export function CommentBlock({ thread, comment, isOpener }: { thread: Thread; comment: CommentView; isOpener: boolean }) {
  const reading = useReading();
  const { me, now, actions } = reading;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  const canWrite = reading.canWrite(thread);
  const mine = comment.authorId === me.id;
  // A private room's owner is no one's moderator: there is nothing of anyone else's there to moderate.
  const moderator = !thread.private && moderates(reading.role);
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

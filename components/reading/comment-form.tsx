"use client";

import { useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { COMMENT_MAX_LENGTH } from "@/lib/doc/layout";
import type { CommentDraft } from "@/lib/client/annotate";
import { insertMention, matchMembers, mentionQueryAt, mentionsIn, type Member } from "@/lib/client/mentions";
import { TagPicker } from "./tag-picker";

type CommentFormProps = {
  label: string;
  submitLabel: string;
  placeholder?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  /** What the form starts with, when editing. */
  initial?: { body: string; tags: readonly string[] };
  /** Tags the comment may carry; chips are shown when there are any. */
  tags?: readonly string[];
  /** Who can be @mentioned; completion is offered when there is anyone. */
  members?: readonly Member[];
  /** Saves the comment; throws with a message the reader can act on when it cannot be saved. */
  onSubmit: (draft: Required<CommentDraft>) => void;
  onCancel?: () => void;
  /** Shown above the text box (the quoted words, the colour). */
  children?: ReactNode;
  /** Shown under the tags (the "Only me" switch). */
  extra?: ReactNode;
};

const NO_TAGS: readonly string[] = [];
const NO_MEMBERS: readonly Member[] = [];

/** From this share of the limit on, the form counts characters. */
const COUNT_FROM = 0.8;

/**
 * A textarea with Save/Cancel, tag chips and @mention completion. ⌘/Ctrl+Enter saves from anywhere in the form (a
 * tag chip just clicked included); Escape closes the completion list, or cancels while nothing has changed. While
 * the list is open, arrow keys move through it and Enter or Tab puts the name in. Text past the length limit is
 * kept and counted, never cut: the reader decides what to shorten.
 */
export function CommentForm(props: CommentFormProps) {
  const { label, submitLabel, placeholder, autoFocus, disabled, initial, onSubmit, onCancel, children, extra } = props;
  const tags = props.tags ?? NO_TAGS;
  const members = props.members ?? NO_MEMBERS;
  const id = useId();
  const [body, setBody] = useState(initial?.body ?? "");
  const [selectedTags, setSelectedTags] = useState<string[]>(() => [...(initial?.tags ?? [])]);
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);

  // The "@query" being typed, the highlighted choice, and an "@" the reader dismissed with Escape.
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const matches = useMemo(
    () => (mention && members.length > 0 && mention.start !== dismissedAt ? matchMembers(members, mention.query, 6) : []),
    [mention, members, dismissedAt],
  );
  const listOpen = matches.length > 0;
  const active = Math.min(activeIndex, matches.length - 1);

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !textarea.current) return;
    textarea.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [body]);

  function trackMention(text: string, caret: number) {
    const found = mentionQueryAt(text, caret);
    if (found?.start !== mention?.start || found?.query !== mention?.query) {
      if (found?.start !== mention?.start) setActiveIndex(0);
      setMention(found);
    }
  }

  function pick(member: Member) {
    const element = textarea.current;
    if (!mention || !element) return;
    const { text, caret } = insertMention(body, mention.start, element.selectionStart, member.name);
    pendingCaret.current = caret;
    setBody(text);
    setMention(null);
    element.focus();
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (body.trim() === "") {
      setError("Write something first.");
      return;
    }
    if (body.length > COMMENT_MAX_LENGTH) {
      setError(`This comment is ${(body.length - COMMENT_MAX_LENGTH).toLocaleString("en")} characters too long. Shorten it, or split it into a reply.`);
      return;
    }
    try {
      onSubmit({ body, tags: selectedTags.filter((tag) => tags.includes(tag)), mentions: mentionsIn(body, members) });
      setBody("");
      setSelectedTags([]);
      setError(null);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "This comment could not be saved.");
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (listOpen) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActiveIndex((active + step + matches.length) % matches.length);
        return;
      }
      if ((event.key === "Enter" && !event.shiftKey && !event.metaKey && !event.ctrlKey) || (event.key === "Tab" && !event.shiftKey)) {
        event.preventDefault();
        pick(matches[active]!);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(mention!.start);
        return;
      }
    }
    if (event.key === "Escape" && onCancel && body.trim() === (initial?.body ?? "").trim()) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  const listId = `${id}-mentions`;
  const optionId = (index: number) => `${id}-mention-${index}`;
  const describedBy = `${error ? `${id}-error` : `${id}-hint`} ${id}-count`;
  const counting = body.length >= COMMENT_MAX_LENGTH * COUNT_FROM;
  const over = body.length > COMMENT_MAX_LENGTH;

  function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Enter" || !(event.metaKey || event.ctrlKey) || event.defaultPrevented) return;
    event.preventDefault();
    submit();
  }

  return (
    // data-unsaved: words the reader has written here and not saved, which whatever would close the form asks about.
    <form onSubmit={submit} onKeyDown={onFormKeyDown} aria-label={label} data-unsaved={body.trim() !== (initial?.body ?? "").trim() || undefined} className="flex flex-col gap-2">
      {children}
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <div className="relative">
        <textarea
          ref={textarea}
          id={id}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            trackMention(event.target.value, event.target.selectionStart);
            if (error) setError(null);
          }}
          onSelect={(event) => trackMention(event.currentTarget.value, event.currentTarget.selectionStart)}
          onBlur={() => setMention(null)}
          onKeyDown={onKeyDown}
          // The form opens because the reader asked to write; moving focus there is expected.
          autoFocus={autoFocus}
          rows={3}
          placeholder={placeholder}
          disabled={disabled}
          aria-invalid={error || over ? true : undefined}
          aria-describedby={describedBy}
          aria-autocomplete={members.length > 0 ? "list" : undefined}
          aria-controls={listOpen ? listId : undefined}
          aria-activedescendant={listOpen ? optionId(active) : undefined}
          className="min-h-[4.5rem] w-full resize-y rounded-md border border-line bg-card px-2.5 py-2 text-[0.9375rem] leading-snug text-ink outline-none focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60"
        />
        {listOpen ? (
          <ul
            id={listId}
            role="listbox"
            aria-label="Members to mention"
            className="absolute inset-x-0 top-full z-30 mt-1 max-h-56 overflow-auto rounded-md border border-line bg-card py-1 shadow-lg"
          >
            {matches.map((member, index) => (
              <li
                key={member.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                // Keeps focus (and the caret) in the text box.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(member)}
                onMouseEnter={() => setActiveIndex(index)}
                className={`cursor-pointer px-3 py-1.5 text-sm ${index === active ? "bg-accent text-white" : "text-ink"}`}
              >
                {member.name}
              </li>
            ))}
          </ul>
        ) : null}
        <p aria-live="polite" className="sr-only">
          {listOpen ? `${matches.length} ${matches.length === 1 ? "member matches" : "members match"}. Arrow keys to choose, Enter to insert.` : ""}
        </p>
      </div>
      <p id={`${id}-count`} className={`-mt-1 text-right text-xs tabular-nums ${over ? "font-medium text-danger" : "text-muted"} ${counting ? "" : "sr-only"}`}>
        {counting ? `${body.length.toLocaleString("en")} / ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters${over ? ": too long to save" : ""}` : ""}
      </p>
      <TagPicker tags={tags} selected={selectedTags.filter((tag) => tags.includes(tag))} onChange={setSelectedTags} disabled={disabled} />
      {extra}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {members.length > 0 ? "Type @ to mention someone. " : ""}*italic*, **bold**, `code`, links and lists work. ⌘/Ctrl+Enter to save.
        </p>
      )}
      <div className="flex items-center gap-2">
        <button
          type="submit"
          disabled={disabled}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-strong disabled:opacity-60"
        >
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm text-muted hover:bg-paper hover:text-ink">
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

"use client";

import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { COMMENT_MAX_LENGTH } from "@/lib/doc/layout";

type CommentFormProps = {
  label: string;
  submitLabel: string;
  placeholder?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  /** Saves the comment; throws with a message the reader can act on when it cannot be saved. */
  onSubmit: (body: string) => void;
  onCancel?: () => void;
  children?: ReactNode;
};

/** A textarea with Save/Cancel. ⌘/Ctrl+Enter saves; Escape cancels while nothing has been typed. */
export function CommentForm({ label, submitLabel, placeholder, autoFocus, disabled, onSubmit, onCancel, children }: CommentFormProps) {
  const id = useId();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (body.trim() === "") {
      setError("Write something first.");
      return;
    }
    try {
      onSubmit(body);
      setBody("");
      setError(null);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "This comment could not be saved.");
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === "Escape" && onCancel && body.trim() === "") {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} aria-label={label} className="flex flex-col gap-2">
      {children}
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          if (error) setError(null);
        }}
        onKeyDown={onKeyDown}
        // The composer opens because the reader asked to write; moving focus there is expected.
        autoFocus={autoFocus}
        rows={3}
        maxLength={COMMENT_MAX_LENGTH}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        className="min-h-[4.5rem] w-full resize-y rounded-md border border-line bg-card px-2.5 py-2 text-[0.9375rem] leading-snug text-ink outline-none focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-muted">
          *italic*, **bold**, `code`, links and lists work. ⌘/Ctrl+Enter to save.
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

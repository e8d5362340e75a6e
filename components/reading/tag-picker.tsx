"use client";

import { CheckIcon } from "./icons";

/** Layout limit on tags per comment (lib/doc/layout.ts). */
export const MAX_TAGS = 6;

type TagPickerProps = {
  tags: readonly string[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  disabled?: boolean;
};

/** The seminar's tags as toggle chips; a comment carries up to MAX_TAGS of them. */
export function TagPicker({ tags, selected, onChange, disabled }: TagPickerProps) {
  if (tags.length === 0) return null;
  const full = selected.length >= MAX_TAGS;
  return (
    <div role="group" aria-label="Tags" className="flex flex-wrap items-center gap-1.5">
      <span aria-hidden="true" className="mr-0.5 text-xs text-muted">
        Tags
      </span>
      {tags.map((tag) => {
        const on = selected.includes(tag);
        return (
          <button
            key={tag}
            type="button"
            aria-pressed={on}
            disabled={disabled || (!on && full)}
            onClick={() => onChange(on ? selected.filter((t) => t !== tag) : [...selected, tag])}
            className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs ring-1 transition-colors disabled:opacity-50 ${
              on ? "bg-accent text-white ring-accent" : "bg-card text-muted ring-line hover:text-ink hover:ring-accent/50"
            }`}
          >
            {on ? <CheckIcon className="size-3" /> : null}
            {tag}
          </button>
        );
      })}
    </div>
  );
}

/** Tags as they appear on a comment. */
export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label="Tags" className="mt-1.5 flex flex-wrap gap-1">
      {tags.map((tag) => (
        <li key={tag} className="rounded-full bg-accent/10 px-2 py-px text-xs font-medium text-accent-strong">
          {tag}
        </li>
      ))}
    </ul>
  );
}

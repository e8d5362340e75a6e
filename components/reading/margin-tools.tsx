"use client";

import type { RefObject } from "react";
import { HIGHLIGHT_COLORS } from "@/lib/doc/layout";
import { HIGHLIGHT_STYLES } from "@/lib/client/highlight-colors";
import type { Member } from "@/lib/client/mentions";
import { NO_FILTER, activeFilterCount, type ThreadFilter } from "@/lib/client/thread-filter";
import { FilterIcon, SearchIcon } from "./icons";
import { Popover } from "./popover";

type MarginToolsProps = {
  filter: ThreadFilter;
  onChange: (filter: ThreadFilter) => void;
  shown: number;
  total: number;
  /** People to filter by: the seminar's members and anyone else who wrote here. */
  people: readonly Member[];
  tags: readonly string[];
  hasPrivate: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
};

const select =
  "w-full rounded-md border border-line bg-card px-2 py-1.5 text-sm text-ink outline-none focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent";

function plural(count: number) {
  return `${count} ${count === 1 ? "thread" : "threads"}`;
}

/** Search and filters for the margin, with how many threads match and a way back to all of them. */
export function MarginTools({ filter, onChange, shown, total, people, tags, hasPrivate, searchRef }: MarginToolsProps) {
  const set = (patch: Partial<ThreadFilter>) => onChange({ ...filter, ...patch });
  const filtering = activeFilterCount(filter) > 0;
  const inPanel = activeFilterCount({ ...filter, query: "" });

  return (
    <div role="search" aria-label="Notes in the margin" className="flex flex-wrap items-center gap-2">
      <div className="relative">
        <label htmlFor="margin-search" className="sr-only">
          Search notes
        </label>
        <SearchIcon className="pointer-events-none absolute left-2 top-1/2 size-3.5 -translate-y-1/2 text-muted" />
        <input
          ref={searchRef}
          id="margin-search"
          type="search"
          value={filter.query}
          onChange={(event) => set({ query: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === "Escape" && filter.query === "") event.currentTarget.blur();
          }}
          placeholder="Search notes"
          // On phones an icon-sized box that opens while in use, so the room bar keeps to one row.
          className={`${filter.query ? "w-32" : "w-8 focus:w-32"} rounded-md border border-line bg-card py-1 pl-7 pr-2 text-sm text-ink outline-none transition-[width] placeholder:text-muted focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent sm:w-44 sm:focus:w-44`}
        />
      </div>

      <Popover
        label="Filter notes"
        align="right"
        buttonClassName={`inline-flex items-center gap-1.5 rounded-md border px-2 py-1 text-sm ${
          inPanel > 0 ? "border-accent/50 bg-accent/10 text-accent-strong" : "border-line bg-card text-ink hover:bg-paper"
        }`}
        button={
          <>
            <FilterIcon className="size-4" />
            {/* On phones the icon alone, so the room bar keeps to one row; the name is still read out. */}
            <span className="sr-only sm:not-sr-only">Filters</span>
            {inPanel > 0 ? <span className="rounded-full bg-accent px-1.5 text-xs font-semibold text-white">{inPanel}</span> : null}
          </>
        }
      >
        <div className="flex flex-col gap-3">
          <div>
            <label htmlFor="filter-member" className="mb-1 block text-xs font-medium text-muted">
              Member
            </label>
            <select id="filter-member" value={filter.memberId ?? ""} onChange={(event) => set({ memberId: event.target.value || null })} className={select}>
              <option value="">Anyone</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-tag" className="mb-1 block text-xs font-medium text-muted">
              Tag
            </label>
            <select id="filter-tag" value={filter.tag ?? ""} onChange={(event) => set({ tag: event.target.value || null })} className={select}>
              <option value="">Any tag</option>
              {tags.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="mb-1 text-xs font-medium text-muted">Colour</legend>
            <div className="flex items-center gap-2">
              <label className="flex cursor-pointer items-center gap-1 text-sm">
                <input type="radio" name="filter-colour" checked={filter.color === null} onChange={() => set({ color: null })} className="accent-accent" />
                Any
              </label>
              {HIGHLIGHT_COLORS.map((color) => (
                <input
                  key={color}
                  type="radio"
                  name="filter-colour"
                  aria-label={HIGHLIGHT_STYLES[color].label}
                  title={HIGHLIGHT_STYLES[color].label}
                  checked={filter.color === color}
                  onChange={() => set({ color })}
                  className={`size-5 cursor-pointer appearance-none rounded-full border border-black/10 checked:ring-2 checked:ring-accent checked:ring-offset-1 ${HIGHLIGHT_STYLES[color].className}`}
                />
              ))}
            </div>
          </fieldset>
          <div className="flex flex-col gap-1.5">
            {(
              [
                ["unresolved", "Unresolved only"],
                ["mine", "Mine"],
                ...(hasPrivate ? ([["private", "Private notes only"]] as const) : []),
              ] as const
            ).map(([key, text]) => (
              <label key={key} className="flex cursor-pointer items-center gap-2 text-sm">
                <input type="checkbox" checked={filter[key]} onChange={(event) => set({ [key]: event.target.checked })} className="size-4 accent-accent" />
                {text}
              </label>
            ))}
          </div>
        </div>
      </Popover>

      <p aria-live="polite" className="sr-only text-sm tabular-nums text-muted sm:not-sr-only" data-thread-count>
        {filtering ? `${shown} of ${plural(total)}` : plural(total)}
      </p>
      {filtering ? (
        <button type="button" onClick={() => onChange(NO_FILTER)} className="rounded-md px-2 py-1 text-sm font-medium text-accent hover:bg-card hover:underline">
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

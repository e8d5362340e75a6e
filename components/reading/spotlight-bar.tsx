"use client";

import type { Spotlight } from "@/lib/live/presence";
import type { Reader } from "@/lib/client/use-presence";

type SpotlightBarProps = {
  spotlight: Spotlight | null;
  by: Reader | null;
  mine: boolean;
  following: boolean;
  onFollow: (on: boolean) => void;
  onStop: () => void;
  onGo: () => void;
  label: (paragraphId: string) => string;
};

/**
 * Live seminar mode, under the room bar: which passage the instructor has put in front of the class, whether
 * this reader follows it (scrolled into view as it moves), and for the instructor a way to stop.
 */
export function SpotlightBar({ spotlight, by, mine, following, onFollow, onStop, onGo, label }: SpotlightBarProps) {
  if (!spotlight || !by) return null;
  const words = spotlight.words.length > 70 ? `${spotlight.words.slice(0, 70)}…` : spotlight.words;
  return (
    <div role="region" aria-label="Spotlight" className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-lg border border-accent/30 bg-accent/[0.06] px-3 py-1.5 font-sans text-sm">
      <span className="inline-flex items-center gap-1.5 font-semibold uppercase tracking-wide text-accent-strong">
        <svg aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" className="size-4">
          <path d="M2 6.5 9 3v10L2 9.5z" />
          <path d="M11.5 5.5 14 4M11.5 8H14.5M11.5 10.5 14 12" />
        </svg>
        Spotlight
      </span>
      <span className="min-w-0 text-ink">
        {mine ? "You are spotlighting" : `${by.name} is spotlighting`} {label(spotlight.paragraphId)}: <q className="italic">{words}</q>
      </span>
      <span className="ml-auto flex items-center gap-2">
        {mine ? (
          <button type="button" onClick={onStop} className="rounded-md border border-line bg-card px-2.5 py-1 font-medium text-ink hover:bg-paper">
            Stop
          </button>
        ) : (
          <>
            <button type="button" onClick={onGo} className="rounded-md px-2 py-1 text-accent hover:bg-card hover:underline">
              Go there
            </button>
            <button
              type="button"
              aria-pressed={following}
              onClick={() => onFollow(!following)}
              className={`rounded-md px-2.5 py-1 font-medium ${following ? "bg-accent text-white hover:bg-accent-strong" : "border border-accent/40 bg-card text-accent hover:bg-paper"}`}
            >
              {following ? "Following" : "Follow"}
            </button>
          </>
        )}
      </span>
    </div>
  );
}

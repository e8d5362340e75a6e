"use client";

import { useId, useState } from "react";
import { REACTION_KINDS, type ReactionKind } from "@/lib/doc/layout";
import type { ReactionView } from "@/lib/doc/read";

export const REACTION_LABELS: Record<ReactionKind, string> = {
  agree: "Agree",
  insightful: "Insightful",
  question: "Question",
  thanks: "Thanks",
};

type ReactionBarProps = {
  reactions: ReactionView[];
  meId: string;
  /** May the reader react here (connected, and not their own comment)? */
  canReact: boolean;
  /** The reader's one reaction: a kind sets (or replaces) it, null takes it back. */
  onReact: (kind: ReactionKind | null) => void;
};

function names(view: ReactionView | undefined, meId: string): string {
  if (!view) return "Nobody yet";
  return view.people.map((p) => (p.id === meId ? "You" : p.name)).join(", ");
}

/**
 * Reactions under a comment: a labelled toggle per kind someone chose, with its count and, on hover or focus,
 * who. "React" offers all four. One per person: choosing another kind replaces one's reaction, choosing
 * one's own again removes it.
 */
export function ReactionBar({ reactions, meId, canReact, onReact }: ReactionBarProps) {
  const [picking, setPicking] = useState(false);
  const id = useId();
  const byKind = new Map(reactions.map((r) => [r.kind, r]));
  const mine = reactions.find((r) => r.people.some((p) => p.id === meId))?.kind ?? null;
  const shown = picking ? REACTION_KINDS : REACTION_KINDS.filter((kind) => byKind.has(kind));
  if (shown.length === 0 && !canReact) return null;

  return (
    <div role="group" aria-label="Reactions" className="mt-1.5 flex flex-wrap items-center gap-1">
      {shown.map((kind) => {
        const view = byKind.get(kind);
        const count = view?.people.length ?? 0;
        const pressed = mine === kind;
        const tip = `${id}-${kind}`;
        return (
          <span key={kind} className="group/reaction relative">
            <button
              type="button"
              aria-pressed={pressed}
              aria-label={count > 0 ? `${REACTION_LABELS[kind]}, ${count}` : REACTION_LABELS[kind]}
              aria-describedby={tip}
              disabled={!canReact}
              onClick={(event) => {
                event.stopPropagation();
                onReact(pressed ? null : kind);
                setPicking(false);
              }}
              className={`inline-flex items-center gap-1 rounded-full px-2 py-px text-xs ring-1 transition-colors disabled:cursor-default ${
                pressed ? "bg-accent/10 font-medium text-accent-strong ring-accent/40" : "bg-card text-muted ring-line enabled:hover:text-ink enabled:hover:ring-accent/40"
              }`}
            >
              {REACTION_LABELS[kind]}
              {count > 0 ? <span className="tabular-nums">{count}</span> : null}
            </button>
            <span
              id={tip}
              role="tooltip"
              className="pointer-events-none invisible absolute bottom-full left-0 z-30 mb-1 w-max max-w-56 rounded bg-ink px-2 py-1 text-xs text-white opacity-0 shadow transition-opacity group-focus-within/reaction:visible group-focus-within/reaction:opacity-100 group-hover/reaction:visible group-hover/reaction:opacity-100"
            >
              {names(view, meId)}
            </span>
          </span>
        );
      })}
      {canReact ? (
        <button
          type="button"
          aria-expanded={picking}
          onClick={(event) => {
            event.stopPropagation();
            setPicking((p) => !p);
          }}
          className={`rounded-full px-2 py-px text-xs text-muted hover:bg-card hover:text-ink hover:ring-1 hover:ring-line ${shown.length === 0 ? "-ml-2" : ""}`}
        >
          {picking ? "Done" : shown.length === 0 ? "React" : "+ React"}
        </button>
      ) : null}
    </div>
  );
}

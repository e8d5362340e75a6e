"use client";

import { useMemo } from "react";
import type { Member } from "@/lib/client/mentions";
import type { RoomView, Thread } from "@/lib/doc/read";
import { activeFilterCount, matchesFilter, type ThreadFilter } from "@/lib/client/thread-filter";
import { moderates } from "@/lib/doc/permissions";
import type { ViewerRole } from "./reading-context";

/** The margin as filtered: per paragraph, the threads to show; and which annotations match, for the text. */
export function useShownThreads(view: RoomView, filter: ThreadFilter, me: { id: string; role: ViewerRole }) {
  const { id: meId, role } = me;
  const filtering = activeFilterCount(filter) > 0;
  const shown = useMemo(() => {
    const viewer = { id: meId, seesHidden: moderates(role) };
    const keep = (threads: Thread[]) => (filtering ? threads.filter((t) => matchesFilter(t, filter, viewer)) : threads);
    const perParagraph = new Map<string, { threads: Thread[] }>();
    for (const [id, paragraph] of view.paragraphs) perParagraph.set(id, { threads: keep(paragraph.threads) });
    const unanchored = keep(view.unanchored);
    const visible = [...[...perParagraph.values()].flatMap((p) => p.threads), ...unanchored];
    return {
      perParagraph,
      unanchored,
      count: visible.length,
      matchIds: filtering ? new Set(visible.map((t) => t.annotation.id)) : null,
    };
  }, [view, filter, filtering, meId, role]);
  return { shown, filtering };
}

/** People to filter by: the seminar's members and anyone else who wrote in the margin, by name. */
export function usePeople(threads: readonly Thread[], members: Member[]): Member[] {
  return useMemo(() => {
    const byPerson = new Map(members.map((m) => [m.id, m]));
    for (const thread of threads) {
      for (const who of [thread.annotation, thread.opener, ...thread.replies]) {
        if (who && !byPerson.has(who.authorId)) byPerson.set(who.authorId, { id: who.authorId, name: who.authorName });
      }
    }
    return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [members, threads]);
}

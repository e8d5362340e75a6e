"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Span } from "@/lib/doc/anchor";
import type { HighlightColor } from "@/lib/doc/layout";
import type { Thread } from "@/lib/doc/read";
import { createHighlight, createParagraphComment, reply, startThread } from "@/lib/client/annotate";
import { useMarginLayout } from "@/lib/client/use-margin-layout";
import { useNow } from "@/lib/client/use-now";
import { usePresence } from "@/lib/client/use-presence";
import { useReadingTracker } from "@/lib/client/use-reading-tracker";
import { useRoom } from "@/lib/client/use-room";
import { useRoomView } from "@/lib/client/use-room-view";
import { useTextSelection } from "@/lib/client/use-text-selection";
import type { EssayParagraph } from "@/lib/essays/get-essay.server";
import { ClosedBanner } from "./closed-banner";
import { NewThreadComposer, type ComposerTarget } from "./new-thread-composer";
import { ParagraphRow } from "./paragraph-row";
import { RoomBar } from "./room-bar";
import { ThreadCard } from "./thread-card";

type ReadingRoomProps = {
  roomId: string;
  paragraphs: EssayParagraph[];
  me: { id: string; name: string };
};

/** "¶ 3" for body paragraphs, the heading's words for headings: how presence says where someone reads. */
function paragraphLabels(paragraphs: EssayParagraph[]): Map<string, string> {
  const labels = new Map<string, string>();
  let body = 0;
  for (const p of paragraphs) {
    if (p.kind === "body") labels.set(p.id, `¶ ${++body}`);
    else if (p.kind === "note") labels.set(p.id, "About the author");
    else labels.set(p.id, p.text.length > 32 ? `${p.text.slice(0, 32)}…` : p.text);
  }
  return labels;
}

/**
 * The live reading page: the essay's paragraphs (server-rendered through this component), the highlights
 * and threads of everyone in the room, and the tools to add one's own.
 */
export function ReadingRoom({ roomId, paragraphs, me }: ReadingRoomProps) {
  const { room, connection, synced } = useRoom(roomId, me);
  const texts = useMemo(() => paragraphs.map(({ id, text }) => ({ id, text })), [paragraphs]);
  const paragraphIds = useMemo(() => paragraphs.map((p) => p.id), [paragraphs]);
  const labels = useMemo(() => paragraphLabels(paragraphs), [paragraphs]);
  const view = useRoomView(room?.doc ?? null, texts);
  const readers = usePresence(room?.provider ?? null, me.id);
  const now = useNow();
  useReadingTracker(room?.provider ?? null, paragraphIds);

  const canWrite = room !== null && connection.state !== "closed";
  const toolbarRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  useMarginLayout(articleRef);
  const { selection, clear: clearSelection } = useTextSelection(canWrite, toolbarRef);
  const [composer, setComposer] = useState<ComposerTarget | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [lastColor, setLastColor] = useState<HighlightColor>("yellow");

  const activeIds = useMemo(() => new Set([activeId, hoverId].filter((id): id is string => id !== null)), [activeId, hoverId]);
  const byId = useMemo(() => new Map(paragraphs.map((p) => [p.id, p])), [paragraphs]);

  // While the toolbar is open, Tab from the selection enters it and Escape closes it (focus then returns to
  // the paragraph if it was in the toolbar). Tab is routed explicitly because browsers differ on where
  // sequential focus continues after a keyboard (caret browsing) selection.
  useEffect(() => {
    if (!selection) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const toolbar = toolbarRef.current;
      const inToolbar = toolbar?.contains(document.activeElement) ?? false;
      if (event.key === "Tab" && !event.shiftKey && !inToolbar && toolbar) {
        const active = document.activeElement;
        const fromSelection = !active || active === document.body || active.contains(document.getElementById(`p-${selection.paragraphId}`));
        if (fromSelection) {
          event.preventDefault();
          toolbar.querySelector("button")?.focus();
        }
        return;
      }
      if (event.key !== "Escape") return;
      const paragraphId = selection.paragraphId;
      clearSelection();
      if (inToolbar) document.getElementById(`p-${paragraphId}`)?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [selection, clearSelection]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  const focusThread = useCallback((annotationId: string) => {
    setActiveId(annotationId);
    const card = document.getElementById(`thread-${annotationId}`);
    if (!card) return;
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, []);

  const showInText = useCallback((annotationId: string) => {
    setActiveId(annotationId);
    const mark = document.querySelector<HTMLElement>(`mark[data-annotation-ids~="${CSS.escape(annotationId)}"]`);
    mark?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, []);

  function highlightSelection(color: HighlightColor) {
    if (!room || !selection) return;
    const paragraph = byId.get(selection.paragraphId);
    setLastColor(color);
    clearSelection();
    if (!paragraph) return;
    try {
      const annotation = createHighlight(room.doc, me, {
        paragraphId: paragraph.id,
        paragraphText: paragraph.text,
        span: { start: selection.start, end: selection.end },
        color,
      });
      setActiveId(annotation.id);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : "The highlight could not be saved.");
    }
  }

  function commentOnSelection() {
    if (!selection) return;
    const target: ComposerTarget = {
      kind: "highlight",
      paragraphId: selection.paragraphId,
      span: { start: selection.start, end: selection.end },
      exact: selection.exact,
    };
    clearSelection();
    setComposer(target);
  }

  /** Saves the composer's comment; throws (shown in the form) when it cannot be written. */
  function saveNewThread(target: ComposerTarget, body: string, color: HighlightColor) {
    if (!room) throw new Error("Still connecting to the room; try again in a moment.");
    const paragraph = byId.get(target.paragraphId);
    if (!paragraph) throw new Error("This paragraph is no longer part of the essay.");
    const annotation =
      target.kind === "highlight"
        ? createHighlight(room.doc, me, { paragraphId: paragraph.id, paragraphText: paragraph.text, span: target.span, color, comment: body })
        : createParagraphComment(room.doc, me, { paragraphId: paragraph.id, body });
    setLastColor(color);
    setComposer(null);
    setActiveId(annotation.id);
    // The new thread's card replaces the composer: move focus there so keyboard users keep their place.
    requestAnimationFrame(() => document.getElementById(`thread-${annotation.id}`)?.focus({ preventScroll: true }));
  }

  function respond(thread: Thread, body: string) {
    if (!room) throw new Error("Still connecting to the room; try again in a moment.");
    if (thread.opener) reply(room.doc, me, { annotationId: thread.annotation.id, rootId: thread.opener.id, body });
    else startThread(room.doc, me, { annotationId: thread.annotation.id, body });
  }

  const threadProps = {
    now,
    canWrite,
    onActivate: setActiveId,
    onHover: setHoverId,
    onShowInText: showInText,
    onRespond: respond,
  };

  return (
    <>
      <RoomBar connection={connection} synced={synced} readers={readers} paragraphLabels={labels} />
      {connection.state === "closed" ? <ClosedBanner connection={connection} /> : null}

      <article ref={articleRef} aria-label="Essay" className="prose-essay mt-8 text-ink">
        {paragraphs.map((paragraph) => {
          const paragraphView = view.paragraphs.get(paragraph.id);
          const draft: Span | null = composer?.kind === "highlight" && composer.paragraphId === paragraph.id ? composer.span : null;
          return (
            <ParagraphRow
              key={paragraph.id}
              paragraph={paragraph}
              label={labels.get(paragraph.id) ?? ""}
              view={paragraphView}
              draft={draft}
              activeIds={activeIds}
              canWrite={canWrite}
              readersHere={readers.filter((r) => !r.isMe && r.reading === paragraph.id)}
              onMarkClick={focusThread}
              onCommentOnParagraph={() => setComposer({ kind: "paragraph", paragraphId: paragraph.id })}
              toolbar={
                selection?.paragraphId === paragraph.id
                  ? { ref: toolbarRef, placement: selection.placement, onHighlight: highlightSelection, onComment: commentOnSelection }
                  : null
              }
              composer={
                composer?.paragraphId === paragraph.id ? (
                  <NewThreadComposer
                    key={composer.kind === "highlight" ? `${composer.span.start}-${composer.span.end}` : "paragraph"}
                    target={composer}
                    initialColor={lastColor}
                    disabled={!canWrite}
                    onSave={saveNewThread}
                    onCancel={() => {
                      setComposer(null);
                      document.getElementById(`p-${paragraph.id}`)?.focus({ preventScroll: true });
                    }}
                  />
                ) : null
              }
              threadProps={threadProps}
            />
          );
        })}
        <div data-margin-spacer aria-hidden="true" />
      </article>

      {view.elsewhere.length > 0 ? (
        <section aria-labelledby="elsewhere-heading" className="mt-16 max-w-[var(--margin-width)] font-sans">
          <h2 id="elsewhere-heading" className="text-base font-semibold text-ink">
            Notes on passages no longer in this essay
          </h2>
          <div className="mt-3 flex flex-col gap-3">
            {view.elsewhere.map((thread) => (
              <ThreadCard key={thread.annotation.id} thread={thread} orphaned active={activeIds.has(thread.annotation.id)} {...threadProps} />
            ))}
          </div>
        </section>
      ) : null}

      {/* Announces the toolbar to screen-reader and keyboard users, who may not see it appear. */}
      <p aria-live="polite" className="sr-only">
        {selection
          ? `Selected “${selection.exact.length > 80 ? `${selection.exact.slice(0, 80)}…` : selection.exact}”. Press Tab to highlight it or comment on it.`
          : ""}
      </p>

      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4">
        {notice ? (
          <p className="pointer-events-auto max-w-md rounded-lg bg-ink px-4 py-2.5 font-sans text-sm text-white shadow-lg">{notice}</p>
        ) : null}
      </div>
    </>
  );
}

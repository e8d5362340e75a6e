"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Span } from "@/lib/doc/anchor";
import { BUILT_IN_TAGS, type HighlightColor } from "@/lib/doc/layout";
import { allThreads, fillWithheld, mergeRoomViews, withheldIds } from "@/lib/doc/read";
import {
  createHighlight,
  createParagraphComment,
  placeNote,
  type CommentDraft,
  type WriteTarget,
} from "@/lib/client/annotate";
import type { Member } from "@/lib/client/mentions";
import { NO_FILTER, type ThreadFilter } from "@/lib/client/thread-filter";
import { useMarginLayout } from "@/lib/client/use-margin-layout";
import { useNow } from "@/lib/client/use-now";
import { usePresence, type Reader } from "@/lib/client/use-presence";
import { useAssignmentPassage } from "@/lib/client/use-assignment-passage";
import { useSelectedPassage } from "@/lib/client/use-selected-passage";
import { useSpotlight } from "@/lib/client/use-spotlight";
import { useReadingTracker } from "@/lib/client/use-reading-tracker";
import { useRoom } from "@/lib/client/use-room";
import { useRoomView } from "@/lib/client/use-room-view";
import { useWithheld } from "@/lib/client/use-withheld";
import { useTextSelection } from "@/lib/client/use-text-selection";
import type { TextSelection } from "@/lib/client/text-selection";
import { useArrivals } from "@/lib/client/use-arrivals";
import { useEssayRevised } from "@/lib/client/use-essay-revised";
import { useHeldFor } from "@/lib/client/use-held-for";
import { useKeyboardPicking } from "@/lib/client/use-keyboard-picking";
import { useThreadShortcuts } from "@/lib/client/use-thread-shortcuts";
import { moderates } from "@/lib/doc/permissions";
import type { EssayParagraph } from "@/lib/essays/get-essay.server";
import { ClosedBanner } from "./closed-banner";
import { RevisedBanner } from "./revised-banner";
import { KeyboardHelp } from "./keyboard-help";
import { MarginTools } from "./margin-tools";
import { NewThreadComposer, type ComposerTarget } from "./new-thread-composer";
import { ParagraphRow, type ThreadCallbacks } from "./paragraph-row";
import { PICKING_HINT_ID } from "./paragraph-text";
import { ReadingProvider, type Reading, type ViewerRole } from "./reading-context";
import { RoomBar } from "./room-bar";
import { useSelectionKeys } from "./use-selection-keys";
import { usePeople, useShownThreads } from "./use-shown-threads";
import { threadActions } from "./thread-actions";
import { useWriteTargets } from "./use-write-targets";
import { useMarginSheet } from "./use-margin-sheet";
import { useThreadFocus } from "./use-thread-focus";
import { placeName, type RoomPlace } from "./room-place";
import { AssignPassageButton } from "./assign-passage-button";
import { AssignmentAside, type AssignmentInReader } from "./assignment-aside";
import { SpotlightBar } from "./spotlight-bar";
import { WarnBeforeLeaving } from "./warn-before-leaving";
import { UnanchoredNotes } from "./unanchored-notes";

type ReadingRoomProps = {
  /** The room to join: the essay's open room, or a seminar's room on it. */
  roomId: string;
  /** The reader's private-notes room on this essay (it must exist already); null to offer no private notes. */
  privateRoomId: string | null;
  /** What the reader is in `roomId`, from authorizeRoom on the server. */
  role: ViewerRole;
  /** What `roomId` is to readers: their seminar's room or the essay's public room. */
  place: RoomPlace;
  /** The seminar's members, who can be @mentioned (none in the open room). */
  members: Member[];
  /** Tags comments may carry: the built-in ones and the seminar's own. */
  tags: string[];
  paragraphs: EssayParagraph[];
  me: Member;
  /** The assignment the reader opened this essay for: its passage is marked and its prompt shown beside it. */
  assignment?: AssignmentInReader | null;
  /** For instructors: where a new assignment is made; selected words (across paragraphs too) can be assigned. */
  newAssignmentUrl?: string | null;
  /**
   * The room's seminar is archived: everything is shown and nothing can be written, private notes included (this
   * page then offers no way to write at all; they stay writable on the essay's own page).
   */
  readOnly?: boolean;
};

const PRIVATE_TAGS: readonly string[] = BUILT_IN_TAGS;
const NOBODY: readonly Member[] = [];
const NO_READERS: Reader[] = [];

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
 * and threads of everyone in the room and the reader's private notes, and the tools to add and discuss them.
 * Two connections: the room everyone shares, and the reader's private room, which no other client receives.
 */
export function ReadingRoom({ roomId, privateRoomId, role, place, members, tags, paragraphs, me, assignment = null, newAssignmentUrl = null, readOnly = false }: ReadingRoomProps) {
  const shared = useRoom(roomId, me);
  const notes = useRoom(privateRoomId, me);
  const unsaved = shared.unsaved || notes.unsaved;
  const pending = shared.pending + notes.pending;
  const wrote = shared.wrote || notes.wrote;
  const texts = useMemo(() => paragraphs.map(({ id, text }) => ({ id, text })), [paragraphs]);
  const paragraphIds = useMemo(() => paragraphs.map((p) => p.id), [paragraphs]);
  const labels = useMemo(() => paragraphLabels(paragraphs), [paragraphs]);
  const storedView = useRoomView(shared.room?.doc ?? null, texts);
  // Instructors read hidden comments' text, which the live document does not carry, from the server.
  const hiddenIds = useMemo(() => withheldIds(storedView), [storedView]);
  const hiddenTexts = useWithheld(roomId, moderates(role), hiddenIds);
  const sharedView = useMemo(() => fillWithheld(storedView, hiddenTexts), [storedView, hiddenTexts]);
  const privateView = useRoomView(notes.room?.doc ?? null, texts, { private: true });
  const view = useMemo(() => mergeRoomViews(sharedView, privateView), [sharedView, privateView]);
  const readers = usePresence(shared.room?.provider ?? null, me.id);
  const revised = useEssayRevised(shared.room?.provider ?? null);
  const spot = useSpotlight(shared.room?.provider ?? null, readers, roomId);
  const passageIds = useAssignmentPassage(assignment?.passage ?? null, paragraphs);
  const selectedPassage = useSelectedPassage(newAssignmentUrl !== null);
  const now = useNow();
  useReadingTracker(shared.room?.provider ?? null, paragraphIds);

  const { sharedTarget, privateTarget, archived, canWriteShared, canWritePrivate } = useWriteTargets({ shared, notes, me, role, paragraphIds, tags, members, readOnly });
  const mentionable = useMemo(() => members.filter((m) => m.id !== me.id), [members, me.id]);

  const toolbarRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const threadsRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useMarginLayout(articleRef);
  const { selection, clear: clearSelection } = useTextSelection(canWriteShared || canWritePrivate, toolbarRef);
  const [composer, setComposer] = useState<ComposerTarget | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [replyingId, setReplyingId] = useState<string | null>(null);
  const [reattachingId, setReattachingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [lastColor, setLastColor] = useState<HighlightColor>("yellow");
  const [onlyMe, setOnlyMe] = useState(false);
  const [filter, setFilter] = useState<ThreadFilter>(NO_FILTER);
  const closeComposer = useCallback(() => setComposer(null), []);
  const sheet = useMarginSheet({ composingIn: composer?.paragraphId ?? null, activeId, closeComposer });
  const privateOn = onlyMe && privateRoomId !== null && canWritePrivate;

  const activeIds = useMemo(() => new Set([activeId, hoverId].filter((id): id is string => id !== null)), [activeId, hoverId]);
  const byId = useMemo(() => new Map(paragraphs.map((p) => [p.id, p])), [paragraphs]);
  const membersById = useMemo(() => new Map(members.map((m) => [m.id, m])), [members]);

  const { shown, filtering } = useShownThreads(view, filter, { id: me.id, role });
  // One walk of every thread per change serves the count, the announcements and the people filter. Private
  // notes are the reader's own, which announcements leave out anyway.
  const everyThread = useMemo(() => allThreads(view, texts), [view, texts]);
  const total = everyThread.length;
  const arrivals = useArrivals(everyThread, me.id, shared.synced, (paragraphId) => labels.get(paragraphId) ?? "a passage");
  const people = usePeople(everyThread, members);

  useSelectionKeys(selection, toolbarRef, clearSelection);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  useThreadShortcuts({
    container: threadsRef,
    activeId,
    onGo: setActiveId,
    onReply: (annotationId) => {
      setActiveId(annotationId);
      setReplyingId(annotationId);
    },
    onSearch: () => searchRef.current?.focus(),
  });

  useKeyboardPicking({
    enabled: canWriteShared || canWritePrivate,
    onHighlight: (picked) => highlightSelection(lastColor, picked),
    onComment: (picked) => commentOnSelection(picked),
  });

  const { focusThread, showInText } = useThreadFocus({ shown, filtering, sheet, synced: shared.synced, setActiveId, onHidden: setNotice });

  /** After a note disappears with focus inside it, focus goes back to its paragraph rather than to nowhere. */
  const refocusParagraph = (paragraphId: string) =>
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) document.getElementById(`p-${paragraphId}`)?.focus({ preventScroll: true });
    });

  function newNoteTarget(isPrivate: boolean): WriteTarget {
    const target = isPrivate ? privateTarget : sharedTarget;
    if (!target) throw new Error(isPrivate ? "Your private notes are still loading; try again in a moment." : "Still connecting to the room; try again in a moment.");
    return target;
  }

  /**
   * "Only me" holds for one note: left on, the next highlight went private too, with only the toggle's colour to
   * say so (issue 10). The notice says where the next one goes.
   */
  function afterPrivateNote() {
    setOnlyMe(false);
    setNotice(`Saved as a private note. Your next note goes to ${placeName(place)} again.`);
  }

  function highlightSelection(color: HighlightColor, picked: TextSelection | null = selection) {
    if (!picked) return;
    const paragraph = byId.get(picked.paragraphId);
    setLastColor(color);
    clearSelection();
    if (!paragraph) return;
    try {
      const annotation = createHighlight(newNoteTarget(privateOn), {
        paragraphId: paragraph.id,
        paragraphText: paragraph.text,
        span: { start: picked.start, end: picked.end },
        color,
      });
      setActiveId(annotation.id);
      if (privateOn) afterPrivateNote();
    } catch (error) {
      setNotice(error instanceof Error ? error.message : "The highlight could not be saved.");
    }
  }

  function spotlightSelection() {
    if (!selection) return;
    spot.set({ paragraphId: selection.paragraphId, start: selection.start, end: selection.end, words: selection.exact.slice(0, 300) });
    clearSelection();
  }

  function commentOnSelection(picked: TextSelection | null = selection) {
    if (!picked) return;
    const target: ComposerTarget = {
      kind: "highlight",
      paragraphId: picked.paragraphId,
      span: { start: picked.start, end: picked.end },
      exact: picked.exact,
    };
    clearSelection();
    setComposer(target);
  }

  /** Saves the composer's comment; throws (shown in the form) when it cannot be written. */
  function saveNewThread(target: ComposerTarget, draft: Required<CommentDraft>, color: HighlightColor, isPrivate: boolean) {
    const paragraph = byId.get(target.paragraphId);
    if (!paragraph) throw new Error("This paragraph is no longer part of the essay.");
    const room = newNoteTarget(isPrivate);
    const annotation =
      target.kind === "highlight"
        ? createHighlight(room, { paragraphId: paragraph.id, paragraphText: paragraph.text, span: target.span, color, comment: draft })
        : createParagraphComment(room, { paragraphId: paragraph.id, ...draft });
    setLastColor(color);
    setComposer(null);
    setActiveId(annotation.id);
    sheet.show(target.paragraphId);
    if (isPrivate) afterPrivateNote();
    // The new thread's card replaces the composer: move focus there so keyboard users keep their place.
    requestAnimationFrame(() => document.getElementById(`thread-${annotation.id}`)?.focus({ preventScroll: true }));
  }

  const actions = threadActions(newNoteTarget, refocusParagraph, (paragraphId) => byId.get(paragraphId)?.text);

  /** The review queue's "re-attach": the note the instructor chose goes on the words they have selected. */
  function attachSelection() {
    if (!selection || !reattachingId) return;
    const paragraph = byId.get(selection.paragraphId);
    const annotationId = reattachingId;
    clearSelection();
    if (!paragraph) return;
    try {
      placeNote(newNoteTarget(false), { annotationId, paragraphId: paragraph.id, paragraphText: paragraph.text, span: { start: selection.start, end: selection.end } });
      setReattachingId(null);
      setActiveId(annotationId);
      setNotice("Note attached to the selected words.");
    } catch (error) {
      setNotice(error instanceof Error ? error.message : "The note could not be attached here.");
    }
  }


  const reading: Reading = {
    me,
    role,
    membersById,
    now,
    canWrite: (thread) => (thread.private ? canWritePrivate : canWriteShared),
    tagsFor: (thread) => (thread.private ? PRIVATE_TAGS : tags),
    mentionableFor: (thread) => (thread.private ? NOBODY : mentionable),
    actions,
    reattachingId,
    setReattachingId(annotationId) {
      setReattachingId(annotationId);
      if (annotationId) setNotice("Select the words this note belongs to, then choose “Attach note here”.");
    },
    replyingId,
    setReplyingId,
  };

  // A first visit to an empty margin says how to start, beside the first paragraph of the essay's body.
  const firstBodyId = paragraphs.find((p) => p.kind === "body")?.id ?? null;
  const emptyHint =
    shared.synced && total === 0 && (canWriteShared || canWritePrivate) ? (
      <p className="rounded-lg border border-dashed border-line px-3.5 py-3 text-sm leading-snug text-muted">
        No notes here yet. Select words in the text to highlight or comment on them, or use{" "}
        <span aria-hidden="true" className="inline-grid size-5 place-items-center rounded-full border border-line bg-card text-xs">
          +
        </span>
        <span className="sr-only">the “Comment on paragraph” button</span> beside a paragraph.
      </p>
    ) : null;

  const callbacks: ThreadCallbacks = { onActivate: setActiveId, onHover: setHoverId, onShowInText: showInText };
  const onlyMeToggle = privateRoomId !== null && canWritePrivate ? { on: onlyMe, onChange: setOnlyMe } : null;
  // Private notes usually load a moment after the room's; a line saying so would appear and vanish, moving the
  // essay twice (bench/reader-paint.ts measured it), so it shows only when the wait is long enough to matter.
  const notesSlow = useHeldFor(privateRoomId !== null && shared.synced && !notes.synced, 2000);
  const notesProblem =
    privateRoomId === null
      ? null
      : notes.connection.state === "closed"
        ? `Your private notes are unavailable: ${notes.connection.message}`
        : notesSlow
          ? "Loading your private notes…"
          : null;

  return (
    <ReadingProvider value={reading}>
      {/* Offline, waiting changes are kept in this browser (lib/client/offline-copy.ts) and go out on the next visit. */}
      <WarnBeforeLeaving when={unsaved && shared.connection.state !== "offline" && notes.connection.state !== "offline"} />
      <RoomBar
        connection={shared.connection}
        synced={shared.synced}
        pending={pending}
        wrote={wrote}
        notesProblem={notesProblem}
        readOnly={archived}
        place={place}
        // Who is here is only known while connected: offline the list would be just "you", which says nothing true.
        readers={shared.connection.state === "live" ? readers : NO_READERS}
        paragraphLabels={labels}
        below={
          <SpotlightBar
            spotlight={spot.spotlight}
            by={spot.by}
            mine={spot.mine}
            following={spot.following}
            onFollow={spot.setFollowing}
            onStop={() => spot.set(null)}
            onGo={() => spot.spotlight && document.getElementById(`p-${spot.spotlight.paragraphId}`)?.scrollIntoView({ block: "center", behavior: "smooth" })}
            label={(paragraphId) => labels.get(paragraphId) ?? "a paragraph"}
          />
        }
        tools={
          <>
            <MarginTools
              filter={filter}
              onChange={setFilter}
              shown={shown.count}
              total={total}
              people={people}
              tags={tags}
              hasPrivate={privateRoomId !== null}
              searchRef={searchRef}
            />
            <KeyboardHelp />
          </>
        }
      />
      {shared.connection.state === "closed" ? <ClosedBanner connection={shared.connection} /> : revised ? <RevisedBanner /> : null}

      <div ref={threadsRef}>
        <article ref={articleRef} aria-label="Essay" className="prose-essay mt-8 text-ink">
          {paragraphs.map((paragraph) => {
            const draft: Span | null = composer?.kind === "highlight" && composer.paragraphId === paragraph.id ? composer.span : null;
            const visible = shown.perParagraph.get(paragraph.id);
            return (
              <ParagraphRow
                key={paragraph.id}
                paragraph={paragraph}
                label={labels.get(paragraph.id) ?? ""}
                view={view.paragraphs.get(paragraph.id)}
                threads={visible?.threads ?? []}
                matchIds={shown.matchIds}
                draft={draft}
                activeIds={activeIds}
                canWrite={canWriteShared || canWritePrivate}
                readersHere={readers.filter((r) => !r.isMe && r.reading === paragraph.id)}
                onMarkClick={focusThread}
                onCommentOnParagraph={() => setComposer({ kind: "paragraph", paragraphId: paragraph.id })}
                toolbar={
                  selection?.paragraphId === paragraph.id
                    ? {
                        ref: toolbarRef,
                        placement: selection.placement,
                        onHighlight: (color: HighlightColor) => highlightSelection(color),
                        onComment: () => commentOnSelection(),
                        onlyMe: reattachingId ? null : onlyMeToggle,
                        onAttach: reattachingId ? attachSelection : undefined,
                        onSpotlight: moderates(role) && canWriteShared ? spotlightSelection : undefined,
                      }
                    : null
                }
                activity={
                  spot.spotlight
                    ? { readers: readers.filter((r) => r.reading === paragraph.id).length, notes: view.paragraphs.get(paragraph.id)?.threads.length ?? 0 }
                    : null
                }
                spotlit={spot.spotlight?.paragraphId === paragraph.id}
                inAssignment={passageIds.has(paragraph.id)}
                aside={assignment && assignment.passage.startParagraphId === paragraph.id ? <AssignmentAside assignment={assignment} /> : null}
                sheet={sheet.controlFor(paragraph.id)}
                hint={paragraph.id === firstBodyId && composer?.paragraphId !== paragraph.id ? emptyHint : null}
                composer={
                  composer?.paragraphId === paragraph.id ? (
                    <NewThreadComposer
                      key={composer.kind === "highlight" ? `${composer.span.start}-${composer.span.end}` : "paragraph"}
                      target={composer}
                      initialColor={lastColor}
                      disabled={!(privateOn ? canWritePrivate : canWriteShared)}
                      tags={{ shared: tags, private: PRIVATE_TAGS }}
                      members={{ shared: mentionable, private: NOBODY }}
                      canBePrivate={onlyMeToggle !== null}
                      place={place}
                      onlyMe={onlyMe}
                      onOnlyMeChange={setOnlyMe}
                      onSave={saveNewThread}
                      onCancel={() => {
                        setComposer(null);
                        document.getElementById(`p-${paragraph.id}`)?.focus({ preventScroll: true });
                      }}
                    />
                  ) : null
                }
                callbacks={callbacks}
              />
            );
          })}
          <div data-margin-spacer aria-hidden="true" />
          {/* Lets the last paragraphs scroll up above an open sheet. */}
          {sheet.openFor ? <div aria-hidden="true" className="h-[68vh]" /> : null}
        </article>

        <UnanchoredNotes threads={shown.unanchored} activeIds={activeIds} callbacks={callbacks} />
      </div>

      {filtering && shown.count === 0 ? (
        <div role="status" className="fixed bottom-4 right-4 z-30 max-w-xs rounded-lg border border-line bg-card px-4 py-3 font-sans text-sm shadow-lg">
          <p className="text-ink">No threads match your filters.</p>
          <button type="button" onClick={() => setFilter(NO_FILTER)} className="mt-1 font-medium text-accent hover:underline">
            Clear filters
          </button>
        </div>
      ) : null}

      {newAssignmentUrl && !archived ? <AssignPassageButton passage={selectedPassage} newAssignmentUrl={newAssignmentUrl} /> : null}

      {/* Other people's new comments, read out politely: one region for the whole room. */}
      <p aria-live="polite" className="sr-only" data-announcer>
        {arrivals}
      </p>

      <p id={PICKING_HINT_ID} hidden>
        {canWriteShared || canWritePrivate
          ? "To annotate: the arrow keys pick words, Shift with an arrow picks more or fewer, Up and Down pick sentences; then H highlights and C comments."
          : "Notes cannot be added here."}
      </p>

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
    </ReadingProvider>
  );
}


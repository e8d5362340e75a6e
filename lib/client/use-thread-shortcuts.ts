"use client";

import { useEffect, useRef, type RefObject } from "react";

type ShortcutOptions = {
  /** Holds the essay and every thread card shown (cards carry data-thread-id, in reading order). */
  container: RefObject<HTMLElement | null>;
  activeId: string | null;
  /** A thread was reached with j/k: mark it as the active one (its highlight is marked in the text). */
  onGo: (annotationId: string) => void;
  onReply: (annotationId: string) => void;
  onSearch: () => void;
};

/** True when a key press belongs to what the reader is typing or choosing, not to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='listbox']") !== null;
}

function cardsIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>("[data-thread-id]")];
}

/** The card the reader is on: the one holding focus, else the active one. */
function currentIndex(cards: HTMLElement[], activeId: string | null): number {
  const focused = document.activeElement?.closest<HTMLElement>("[data-thread-id]");
  const byFocus = focused ? cards.indexOf(focused) : -1;
  if (byFocus >= 0) return byFocus;
  return activeId ? cards.findIndex((card) => card.dataset.threadId === activeId) : -1;
}

/** With no current card: the first one at or below the top of the window (j), or the last one above its bottom (k). */
function startIndex(cards: HTMLElement[], step: 1 | -1): number {
  if (step === 1) {
    const index = cards.findIndex((card) => card.getBoundingClientRect().bottom > 0);
    return index >= 0 ? index : cards.length - 1;
  }
  for (let i = cards.length - 1; i >= 0; i--) if (cards[i]!.getBoundingClientRect().top < window.innerHeight) return i;
  return 0;
}

/** Brings a thread into view: its words (or paragraph) in the text, then its card, which takes focus. */
export function revealThread(card: HTMLElement) {
  const id = card.dataset.threadId!;
  const mark = document.querySelector<HTMLElement>(`mark[data-annotation-ids~="${CSS.escape(id)}"]`);
  const paragraph = document.getElementById(`p-${card.dataset.threadParagraph ?? ""}`);
  (mark ?? paragraph)?.scrollIntoView({ block: "center" });
  card.focus({ preventScroll: true });
  const box = card.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) card.scrollIntoView({ block: "nearest" });
}

/**
 * The reading room's keys: j / ] next thread, k / [ previous, r reply to the thread in focus, Escape back to
 * the text, / search. Keys typed into a box, or pressed with Ctrl, ⌘ or Alt, are left alone.
 */
export function useThreadShortcuts({ container, activeId, onGo, onReply, onSearch }: ShortcutOptions) {
  // Read through a ref so the listener is added once and always sees the latest values.
  const latest = useRef({ activeId, onGo, onReply, onSearch });
  useEffect(() => {
    latest.current = { activeId, onGo, onReply, onSearch };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target)) return;
      const root = container.current;
      if (!root) return;
      const { activeId, onGo, onReply, onSearch } = latest.current;
      const cards = cardsIn(root);

      if (event.key === "j" || event.key === "]" || event.key === "k" || event.key === "[") {
        if (cards.length === 0) return;
        event.preventDefault();
        const step = event.key === "j" || event.key === "]" ? 1 : -1;
        const at = currentIndex(cards, activeId);
        const next = at < 0 ? startIndex(cards, step) : Math.max(0, Math.min(cards.length - 1, at + step));
        const card = cards[next]!;
        onGo(card.dataset.threadId!);
        revealThread(card);
      } else if (event.key === "r") {
        const at = currentIndex(cards, activeId);
        if (at < 0) return;
        event.preventDefault();
        onReply(cards[at]!.dataset.threadId!);
      } else if (event.key === "Escape") {
        const card = document.activeElement?.closest<HTMLElement>("[data-thread-id]");
        if (!card) return;
        event.preventDefault();
        document.getElementById(`p-${card.dataset.threadParagraph ?? ""}`)?.focus({ preventScroll: true });
      } else if (event.key === "/") {
        event.preventDefault();
        onSearch();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [container]);
}

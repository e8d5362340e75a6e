"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type TouchEvent } from "react";
import { Confirm } from "./comment-block";
import { CloseIcon } from "./icons";

type MarginSheetProps = {
  /** "Notes on ¶ 3": the sheet's name and heading. */
  label: string;
  /** Under the heading: how many threads, or what is being written. */
  summary: string;
  onClose: () => void;
  children: ReactNode;
};

/** How far a downward swipe on the handle must travel to close the sheet, in CSS pixels. */
const SWIPE_TO_CLOSE = 72;

/**
 * A paragraph's notes on a phone: a panel rising from the bottom of the screen over the lower part of the essay,
 * so the text reads as one column instead of being broken up by every thread. Non-modal: the essay above stays
 * scrollable and another highlight can be tapped to switch paragraphs. Escape, the close button or a swipe down
 * on the handle closes it; the reading room returns focus to where the reader was. Closing would drop a comment being
 * written (the composer, a reply, an edit), so while one holds words the sheet asks first.
 */
export function MarginSheet({ label, summary, onClose, children }: MarginSheetProps) {
  const headingId = useId();
  const sheet = useRef<HTMLDivElement>(null);
  const [dragged, setDragged] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const startY = useRef<number | null>(null);

  // Focus moves into the sheet unless something inside (a card, the composer) already took it.
  useEffect(() => {
    const node = sheet.current;
    if (node && !node.contains(document.activeElement)) node.focus({ preventScroll: true });
  }, []);

  function requestClose() {
    if (sheet.current?.querySelector("form[data-unsaved]")) setConfirming(true);
    else onClose();
  }

  function keepWriting() {
    setConfirming(false);
    requestAnimationFrame(() => sheet.current?.querySelector<HTMLElement>("form[data-unsaved] textarea")?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    if (confirming) keepWriting();
    else requestClose();
  }

  const onTouchStart = (event: TouchEvent) => void (startY.current = event.touches[0]?.clientY ?? null);
  const onTouchMove = (event: TouchEvent) => {
    if (startY.current === null) return;
    setDragged(Math.max(0, (event.touches[0]?.clientY ?? startY.current) - startY.current));
  };
  const onTouchEnd = () => {
    const far = dragged > SWIPE_TO_CLOSE;
    startY.current = null;
    setDragged(0);
    if (far) requestClose();
  };

  return (
    <div
      ref={sheet}
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      tabIndex={-1}
      data-margin-sheet
      onKeyDown={onKeyDown}
      style={dragged ? { transform: `translateY(${dragged}px)` } : undefined}
      className="fixed inset-x-0 bottom-0 z-30 flex max-h-[min(68vh,40rem)] flex-col rounded-t-2xl border-t border-line bg-paper font-sans text-[0.9375rem] leading-normal shadow-[0_-8px_24px_rgba(0,0,0,0.12)] outline-none motion-safe:animate-[sheet-rise_160ms_ease-out]"
    >
      <div onTouchStart={onTouchStart} onTouchMove={onTouchMove} onTouchEnd={onTouchEnd} className="flex shrink-0 touch-none items-start gap-3 px-4 pb-2 pt-2">
        <div className="min-w-0 flex-1">
          <span aria-hidden="true" className="mx-auto mb-2 block h-1 w-10 rounded-full bg-line" />
          <h2 id={headingId} className="truncate text-sm font-semibold text-ink">
            {label}
          </h2>
          <p className="text-xs text-muted">{summary}</p>
        </div>
        <button
          type="button"
          onClick={requestClose}
          aria-label="Close notes"
          className="mt-3 grid size-9 shrink-0 place-items-center rounded-full border border-line bg-card text-muted hover:text-ink"
        >
          <CloseIcon className="size-4" />
        </button>
      </div>
      {confirming ? (
        <div className="shrink-0 px-3 pb-2">
          <Confirm question="Discard what you wrote?" confirmLabel="Discard" onConfirm={onClose} onCancel={keepWriting} />
        </div>
      ) : null}
      <div className="flex min-h-0 flex-col gap-3 overflow-y-auto overscroll-contain px-3 pb-[calc(1rem+env(safe-area-inset-bottom))] pt-1">{children}</div>
    </div>
  );
}

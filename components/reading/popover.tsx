"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

type PopoverProps = {
  /** What the button says (its accessible name comes from it). */
  button: ReactNode;
  buttonClassName?: string;
  /** The panel's accessible name. */
  label: string;
  align?: "left" | "right";
  /** The panel's width (a Tailwind width class). */
  width?: string;
  children: ReactNode | ((close: () => void) => ReactNode);
};

/**
 * A button that opens a small non-modal panel under it. Escape, a click outside or the button again closes
 * it; Escape returns focus to the button. The panel is a labelled group in the tab order right after the
 * button, so keyboard users reach its controls with Tab.
 */
export function Popover({ button, buttonClassName, label, align = "left", width = "w-72", children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className={buttonClassName}
      >
        {button}
      </button>
      <div
        id={id}
        role="group"
        aria-label={label}
        hidden={!open}
        className={`absolute top-full z-40 mt-2 ${width} max-w-[calc(100vw-2rem)] rounded-lg border border-line bg-card p-4 text-sm text-ink shadow-lg ${align === "right" ? "right-0" : "left-0"}`}
      >
        {open ? (typeof children === "function" ? children(close) : children) : null}
      </div>
    </div>
  );
}

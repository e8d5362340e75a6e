"use client";

import { useEffect, useState } from "react";
import { secondaryButton } from "@/components/ui/button-styles";

type CopyState = "idle" | "copied" | "failed";

/** Copies `text` and says so for a moment; the label change is announced (aria-live) for screen readers. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // The async clipboard needs a secure context; a Gloss served over plain http on a campus network has none.
      setState(copyWithSelection(text) ? "copied" : "failed");
    }
  }

  return (
    <button type="button" onClick={copy} className={`${secondaryButton} min-w-[7.5rem] gap-1.5 text-sm`}>
      <span aria-live="polite">
        {state === "copied" ? "✓ Copied" : state === "failed" ? "Select and copy it" : label}
      </span>
    </button>
  );
}

/** The older way, which works without a secure context: select the text in a hidden field and copy it. */
function copyWithSelection(text: string): boolean {
  const field = document.createElement("textarea");
  field.value = text;
  field.setAttribute("readonly", "");
  field.style.position = "fixed";
  field.style.opacity = "0";
  document.body.appendChild(field);
  field.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    field.remove();
  }
}

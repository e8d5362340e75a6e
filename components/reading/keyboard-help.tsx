"use client";

import { KeyboardIcon } from "./icons";
import { Popover } from "./popover";

const SHORTCUTS: Array<[keys: string[], what: string]> = [
  [["j", "]"], "Next note"],
  [["k", "["], "Previous note"],
  [["r"], "Reply to the note in focus"],
  [["Esc"], "Back to the text"],
  [["/"], "Search the notes"],
  [["←", "→"], "In a paragraph (Tab to it): pick a word"],
  [["Shift", "→"], "Pick more words (Shift ← fewer)"],
  [["↑", "↓"], "Once picking: pick sentences"],
  [["h"], "Highlight the picked words"],
  [["c"], "Comment on the picked words"],
  [["Tab"], "After selecting words: the highlight and comment buttons"],
  [["Ctrl", "Enter"], "Save a comment (⌘ Enter on a Mac)"],
];

function Key({ children }: { children: string }) {
  return <kbd className="inline-block min-w-6 rounded border border-line border-b-2 bg-paper px-1.5 py-px text-center font-mono text-xs text-ink">{children}</kbd>;
}

/** The reading room's keyboard shortcuts, one button away. Letters work whenever you are not typing. */
export function KeyboardHelp() {
  return (
    // Phones have no keyboard to speak of; the button would only take room in the bar there.
    <div className="hidden md:block">
      <Popover
        label="Keyboard shortcuts"
        align="right"
        width="w-[26rem]"
        buttonClassName="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-muted hover:bg-card hover:text-ink aria-expanded:bg-card aria-expanded:text-ink"
        button={
          <>
            <KeyboardIcon className="size-4" />
            Keyboard
          </>
        }
      >
        <p className="mb-2 font-semibold text-ink">Keyboard shortcuts</p>
        <dl className="grid grid-cols-[auto_1fr] items-baseline gap-x-3 gap-y-1.5">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={what} className="contents">
              <dt className="flex items-center gap-1 whitespace-nowrap">
                {keys.map((key, i) => (
                  <span key={key} className="flex items-center gap-1">
                    {i > 0 ? <span className="text-xs text-muted">{keys.length === 2 && (key === "Enter" || keys[0] === "Shift") ? "+" : "or"}</span> : null}
                    <Key>{key}</Key>
                  </span>
                ))}
              </dt>
              <dd className="text-muted">{what}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-muted">Letter keys do nothing while you are typing in a box.</p>
      </Popover>
    </div>
  );
}

"use client";

/** Shown when the essay is revised while the page is open: the new text comes with a reload; notes are kept. */
export function RevisedBanner() {
  return (
    <div role="status" className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-accent/30 bg-accent/5 px-4 py-3 font-sans text-sm text-ink">
      <p className="min-w-0 flex-1">The essay was revised since you opened it. Reload to read the new text; every note is kept.</p>
      <button type="button" onClick={() => window.location.reload()} className="rounded-md bg-accent px-3 py-1.5 font-medium text-white hover:bg-accent-strong">
        Reload
      </button>
    </div>
  );
}

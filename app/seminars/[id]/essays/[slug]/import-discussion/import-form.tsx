"use client";

import Link from "next/link";
import { useState } from "react";
import { primaryButton } from "@/components/ui/button-styles";
import type { ImportReport } from "@/lib/export/import-discussion.server";
import { IMPORT_MAX_BYTES } from "@/lib/export/schemas";

type State = { state: "idle" } | { state: "importing"; name: string } | { state: "done"; report: ImportReport } | { state: "error"; message: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Sends the chosen file to the import route and says what came in and what was left out. */
export function ImportForm({ importUrl, essayUrl }: { importUrl: string; essayUrl: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ state: "idle" });
  const tooBig = file !== null && file.size > IMPORT_MAX_BYTES;

  async function submit() {
    if (!file || tooBig) return;
    setState({ state: "importing", name: file.name });
    try {
      const response = await fetch(importUrl, { method: "POST", headers: { "content-type": "application/ld+json" }, body: file });
      const body = (await response.json().catch(() => ({}))) as { report?: ImportReport; error?: string };
      if (response.ok && body.report) setState({ state: "done", report: body.report });
      else setState({ state: "error", message: body.error ?? `The import failed (${response.status}).` });
    } catch {
      setState({ state: "error", message: "The connection broke off; nothing may have been imported. Try again: what is already there is not added twice." });
    }
  }

  return (
    <form
      className="mt-8 flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div>
        <label htmlFor="import-file" className="block font-medium text-ink">
          Export file (.jsonld)
        </label>
        <input
          id="import-file"
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          aria-describedby="import-file-hint"
          aria-invalid={tooBig || undefined}
          onChange={(event) => (setFile(event.target.files?.[0] ?? null), setState({ state: "idle" }))}
          className="mt-2 block w-full text-sm text-ink file:mr-4 file:rounded-md file:border file:border-line file:bg-card file:px-3 file:py-1.5 file:font-medium file:text-ink hover:file:bg-paper"
        />
        <p id="import-file-hint" className={`mt-1 text-sm ${tooBig ? "text-danger" : "text-muted"}`}>
          {tooBig ? `This file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.` : "A “Web Annotation (JSON-LD)” export from Gloss."}
        </p>
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={!file || tooBig || state.state === "importing"} className={primaryButton}>
          {state.state === "importing" ? "Importing…" : "Import"}
        </button>
        <div role="status" aria-live="polite" className="text-sm">
          {state.state === "importing" ? (
            <span className="flex items-center gap-3 text-muted">
              <progress aria-label="Import progress" className="h-2 w-32" /> Reading and anchoring {state.name}…
            </span>
          ) : state.state === "error" ? (
            <span className="text-danger">{state.message}</span>
          ) : null}
        </div>
      </div>
      {state.state === "done" ? (
        <section aria-labelledby="import-result" className="rounded-xl border border-line bg-card p-6">
          <h2 id="import-result" className="font-serif text-xl font-semibold text-ink">
            Imported {plural(state.report.threads, "thread", "threads")} and {plural(state.report.comments, "comment", "comments")}
          </h2>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-ink empty:hidden">
            {state.report.alreadyThere > 0 ? <li>{plural(state.report.alreadyThere, "thread was", "threads were")} already here from an earlier import.</li> : null}
            {state.report.reanchored > 0 ? <li>{plural(state.report.reanchored, "thread was", "threads were")} anchored by its words, which had moved.</li> : null}
            {state.report.hiddenLeftOut > 0 ? <li>{plural(state.report.hiddenLeftOut, "hidden comment was", "hidden comments were")} left out, with any replies to them.</li> : null}
            {state.report.reactionsLeftOut > 0 ? <li>{plural(state.report.reactionsLeftOut, "reaction was", "reactions were")} left out: they belong to the people of the other seminar.</li> : null}
            {state.report.unanchored.map((u, i) => (
              <li key={i}>
                Not found in this essay, so not imported: {u.paragraphIndex === null ? "unanchored in the file" : `paragraph ${u.paragraphIndex}`}
                {u.quote ? <>, &ldquo;{u.quote.length > 80 ? `${u.quote.slice(0, 80)}…` : u.quote}&rdquo;</> : null}.
              </li>
            ))}
          </ul>
          <Link href={essayUrl} className="mt-4 inline-block font-medium text-accent underline-offset-2 hover:underline">
            Read them in the essay →
          </Link>
        </section>
      ) : null}
    </form>
  );
}

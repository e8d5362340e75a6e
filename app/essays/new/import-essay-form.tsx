"use client";

import { useId, useState } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import type { EssayPreview } from "@/lib/essays/import/essay-preview";
import { ACCEPTED_FILES } from "@/lib/essays/import/detect-format";
import { megabytes, UPLOAD_MAX_BYTES } from "@/lib/essays/import/limits";
import type { ImportSeminar } from "@/lib/essays/list-import-seminars.server";
import { PreviewPanel } from "./preview-panel";

type Source = "paste" | "file" | "address";
type Status = { state: "idle" } | { state: "reading"; label: string } | { state: "error"; message: string; fieldId?: string };

const SOURCES: Array<{ value: Source; label: string }> = [
  { value: "paste", label: "Paste text" },
  { value: "file", label: "Upload a file" },
  { value: "address", label: "Web address" },
];
const READING: Record<Source, string> = { paste: "Reading the text…", file: "Reading the file…", address: "Fetching the page…" };

const fieldClass =
  "w-full rounded-md border border-line bg-card px-3 py-2 text-base text-ink shadow-xs outline-none focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger";

/**
 * Where the essay comes from (a paste, a file, an address) and its preview. Reading happens on the server (the
 * preview route); this keeps what was entered, shows progress while it reads, and hands the result to the preview,
 * whose own form stores it.
 */
export function ImportEssayForm({ seminars, defaultSeminarId }: { seminars: ImportSeminar[]; defaultSeminarId: string | null }) {
  const [source, setSource] = useState<Source>("paste");
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const [preview, setPreview] = useState<EssayPreview | null>(null);
  // Each preview starts its form afresh (title and author as read, not as edited for the last one).
  const [version, setVersion] = useState(0);
  const id = useId();
  const tooBig = file !== null && file.size > UPLOAD_MAX_BYTES;
  const reading = status.state === "reading";
  const invalid = status.state === "error" ? status.fieldId : undefined;

  async function read(form: HTMLFormElement) {
    const data = new FormData(form);
    let request: RequestInit;
    if (source === "file") {
      if (!file) return setStatus({ state: "error", message: "Choose a file to upload first.", fieldId: "import-file" });
      if (tooBig) return setStatus({ state: "error", message: `The file is larger than ${megabytes(UPLOAD_MAX_BYTES)}.`, fieldId: "import-file" });
      request = { headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(file.name) }, body: file };
    } else if (source === "paste") {
      if (!String(data.get("text") ?? "").trim()) return setStatus({ state: "error", message: "Paste the essay's text first.", fieldId: "import-text" });
      request = { headers: { "content-type": "application/json" }, body: JSON.stringify({ from: "paste", text: data.get("text"), title: data.get("pasteTitle") }) };
    } else {
      if (!String(data.get("address") ?? "").trim()) return setStatus({ state: "error", message: "Enter the page's address first.", fieldId: "import-address" });
      request = { headers: { "content-type": "application/json" }, body: JSON.stringify({ from: "address", address: data.get("address") }) };
    }
    setStatus({ state: "reading", label: READING[source] });
    setPreview(null);
    try {
      const response = await fetch("/essays/new/preview", { method: "POST", ...request });
      const body = (await response.json().catch(() => ({}))) as { preview?: EssayPreview; error?: string };
      if (!response.ok || !body.preview) {
        setStatus({ state: "error", message: body.error ?? `The preview failed (error ${response.status}). Try again.` });
        return;
      }
      setPreview(body.preview);
      setVersion((n) => n + 1);
      setStatus({ state: "idle" });
    } catch {
      setStatus({ state: "error", message: "The connection broke off before the preview arrived. Check your connection and try again." });
    }
  }

  const errors = status.state === "error" ? [{ message: status.message, fieldId: status.fieldId }] : [];
  return (
    <>
      <section aria-labelledby={`${id}-source`} className="rounded-xl border border-line bg-card px-5 py-6 shadow-xs sm:px-8">
        <h2 id={`${id}-source`} className="sr-only">
          The essay
        </h2>
        <form
          noValidate
          aria-busy={reading}
          className="flex flex-col gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            void read(event.currentTarget);
          }}
        >
          <ErrorSummary errors={errors} />
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-ink">Where is the essay?</legend>
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
              {SOURCES.map((option) => (
                <label
                  key={option.value}
                  className="flex cursor-pointer items-center gap-2 rounded-md border border-line px-3 py-2 text-ink has-checked:border-accent has-checked:bg-accent/5 has-checked:font-medium has-focus-visible:outline-2 has-focus-visible:outline-accent"
                >
                  <input
                    type="radio"
                    name="source"
                    value={option.value}
                    checked={source === option.value}
                    onChange={() => (setSource(option.value), setStatus({ state: "idle" }))}
                    className="accent-accent"
                  />
                  {option.label}
                </label>
              ))}
            </div>
          </fieldset>

          {/* Hidden rather than removed, so what was pasted or typed survives a look at another tab. */}
          <div hidden={source !== "paste"} className="flex flex-col gap-5">
            <div className="flex flex-col gap-1.5">
              <label htmlFor="import-text" className="text-sm font-medium text-ink">
                Essay text
              </label>
              <p id="import-text-hint" className="text-sm text-muted">
                Plain text or Markdown, with the title on the first line. Blank lines separate paragraphs.
              </p>
              <textarea
                id="import-text"
                name="text"
                rows={12}
                aria-describedby="import-text-hint"
                aria-invalid={invalid === "import-text" || undefined}
                className={`${fieldClass} font-serif`}
              />
            </div>
            <TextField id="import-paste-title" name="pasteTitle" label="Title (optional)" hint="Only if the text does not start with its title." autoComplete="off" maxLength={300} />
          </div>

          <div hidden={source !== "file"} className="flex flex-col gap-1.5">
            <label htmlFor="import-file" className="text-sm font-medium text-ink">
              File to import
            </label>
            <p id="import-file-hint" className={`text-sm ${tooBig ? "text-danger" : "text-muted"}`}>
              {tooBig
                ? `This file is larger than ${megabytes(UPLOAD_MAX_BYTES)}.`
                : `A .txt, .md, .html, .docx or .pdf file (PDFs with text, not scans), up to ${megabytes(UPLOAD_MAX_BYTES)}.`}
            </p>
            <input
              id="import-file"
              type="file"
              accept={ACCEPTED_FILES}
              aria-describedby="import-file-hint"
              aria-invalid={tooBig || invalid === "import-file" || undefined}
              onChange={(event) => (setFile(event.target.files?.[0] ?? null), setStatus({ state: "idle" }))}
              className="block w-full text-sm text-ink file:mr-4 file:rounded-md file:border file:border-line file:bg-card file:px-3 file:py-1.5 file:font-medium file:text-ink hover:file:bg-paper"
            />
          </div>

          <div hidden={source !== "address"}>
            <TextField
              id="import-address"
              name="address"
              type="url"
              inputMode="url"
              label="Page address"
              hint="The address of the essay's own page, such as https://example.org/essay. Gloss keeps the article and leaves out the site's menus and teasers."
              placeholder="https://"
              aria-invalid={invalid === "import-address" || undefined}
              autoComplete="off"
              spellCheck={false}
            />
          </div>

          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" disabled={reading} className={preview ? secondaryButton : primaryButton}>
              {reading ? status.label : "Preview"}
            </button>
            <p role="status" className="text-sm text-muted">
              {reading ? (
                <span className="inline-flex items-center gap-2">
                  <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-accent border-t-transparent" />
                  {status.label}
                </span>
              ) : preview ? (
                "Preview ready below."
              ) : (
                ""
              )}
            </p>
          </div>
        </form>
      </section>

      {preview ? <PreviewPanel key={version} preview={preview} seminars={seminars} defaultSeminarId={defaultSeminarId} /> : null}
    </>
  );
}

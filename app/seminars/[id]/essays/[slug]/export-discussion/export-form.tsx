"use client";

import { useState } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { ExportQuerySchema, type ExportFormat } from "@/lib/export/schemas";

type Choice = { id: string; title: string };
type Member = { id: string; name: string };
type Preset = { assignment?: string; from?: string; to?: string; member?: string; format?: string };

const FORMATS: Array<{ value: ExportFormat; label: string; hint: string }> = [
  { value: "md", label: "Markdown", hint: "Readable as it is; pastes into notes and papers." },
  { value: "csv", label: "CSV", hint: "One row per comment, for spreadsheets." },
  { value: "jsonld", label: "Web Annotation (JSON-LD)", hint: "The W3C standard: for other annotation tools, and to import into another seminar." },
  { value: "html", label: "Print view", hint: "Opens in a new tab, to print or save as PDF." },
];

type Progress = { state: "idle" } | { state: "downloading"; bytes: number } | { state: "done"; name: string; bytes: number } | { state: "error"; message: string };

const size = (bytes: number) => (bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * The export's options, checked by the same schema the route parses, and the download itself: fetched as a
 * stream so a long export shows how far it has come, then saved under the name the server gives it.
 */
export function ExportForm({
  exportUrl,
  isInstructor,
  paragraphCount,
  members,
  assignments,
  preset,
}: {
  exportUrl: string;
  isInstructor: boolean;
  paragraphCount: number;
  members: Member[];
  assignments: Choice[];
  preset: Preset;
}) {
  const [format, setFormat] = useState<ExportFormat>(FORMATS.some((f) => f.value === preset.format) ? (preset.format as ExportFormat) : "md");
  const [scope, setScope] = useState<"all" | "assignment" | "range">(preset.assignment && assignments.some((a) => a.id === preset.assignment) ? "assignment" : preset.from || preset.to ? "range" : "all");
  const [assignment, setAssignment] = useState(preset.assignment ?? assignments[0]?.id ?? "");
  const [from, setFrom] = useState(preset.from ?? "1");
  const [to, setTo] = useState(preset.to ?? String(paragraphCount));
  const [member, setMember] = useState(preset.member && members.some((m) => m.id === preset.member) ? preset.member : "");
  const [resolved, setResolved] = useState(true);
  const [hidden, setHidden] = useState(false);
  const [bom, setBom] = useState(false);
  const [progress, setProgress] = useState<Progress>({ state: "idle" });

  const query = {
    format,
    ...(scope === "assignment" && assignment ? { assignment } : {}),
    ...(scope === "range" ? { from, to } : {}),
    ...(member ? { member } : {}),
    resolved: resolved ? "1" : "0",
    ...(isInstructor && hidden ? { hidden: "1" } : {}),
    ...(format === "csv" && bom ? { bom: "1" } : {}),
  };
  const checked = ExportQuerySchema.safeParse(query);
  const rangeError = scope === "range" && !checked.success ? checked.error.issues[0]?.message : null;
  const href = `${exportUrl}?${new URLSearchParams(query as Record<string, string>)}`;

  async function download() {
    setProgress({ state: "downloading", bytes: 0 });
    try {
      const response = await fetch(href);
      if (!response.ok || !response.body) {
        setProgress({ state: "error", message: (await response.text()).trim() || `The export failed (${response.status}).` });
        return;
      }
      const reader = response.body.getReader();
      const parts: BlobPart[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        setProgress({ state: "downloading", bytes });
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "discussion";
      const url = URL.createObjectURL(new Blob(parts, { type: response.headers.get("content-type") ?? "application/octet-stream" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setProgress({ state: "done", name, bytes });
    } catch {
      setProgress({ state: "error", message: "The connection broke off. Nothing was saved; try again." });
    }
  }

  const busy = progress.state === "downloading";
  const field = "rounded-md border border-line bg-card px-3 py-1.5 text-ink";

  return (
    <form
      className="mt-8 flex flex-col gap-8"
      onSubmit={(event) => {
        event.preventDefault();
        if (checked.success && format !== "html") void download();
      }}
    >
      <fieldset>
        <legend className="font-serif text-xl font-semibold text-ink">Format</legend>
        <div className="mt-3 grid gap-2 sm:grid-cols-2">
          {FORMATS.map((f) => (
            <label key={f.value} className={`flex cursor-pointer gap-3 rounded-lg border bg-card px-4 py-3 ${format === f.value ? "border-accent ring-1 ring-accent" : "border-line"}`}>
              <input type="radio" name="format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} className="mt-1 accent-accent" />
              <span>
                <span className="block font-medium text-ink">{f.label}</span>
                <span className="block text-sm text-muted">{f.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="font-serif text-xl font-semibold text-ink">What to include</legend>
        <div className="mt-3 flex flex-col gap-3">
          <label className="flex items-center gap-2">
            <input type="radio" name="scope" checked={scope === "all"} onChange={() => setScope("all")} className="accent-accent" />
            The whole essay
          </label>
          {assignments.length > 0 ? (
            <div className="flex flex-wrap items-center gap-2">
              <label className="flex items-center gap-2">
                <input type="radio" name="scope" checked={scope === "assignment"} onChange={() => setScope("assignment")} className="accent-accent" />
                The passage of an assignment
              </label>
              <select aria-label="Assignment" value={assignment} onChange={(e) => (setAssignment(e.target.value), setScope("assignment"))} className={field}>
                {assignments.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" checked={scope === "range"} onChange={() => setScope("range")} className="accent-accent" />
              Paragraphs
            </label>
            <input aria-label="From paragraph" type="number" min={1} max={paragraphCount} value={from} onChange={(e) => (setFrom(e.target.value), setScope("range"))} className={`${field} w-20`} />
            <span aria-hidden="true">to</span>
            <input aria-label="To paragraph" type="number" min={1} max={paragraphCount} value={to} onChange={(e) => (setTo(e.target.value), setScope("range"))} className={`${field} w-20`} />
            <span className="text-sm text-muted">of {paragraphCount}</span>
          </div>
          {rangeError ? (
            <p role="alert" className="text-sm text-danger">
              {rangeError}
            </p>
          ) : null}
          <label className="mt-2 flex flex-wrap items-center gap-2">
            Whose contributions
            <select value={member} onChange={(e) => setMember(e.target.value)} className={field}>
              <option value="">Everyone&apos;s</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={resolved} onChange={(e) => setResolved(e.target.checked)} className="accent-accent" />
            Include resolved threads
          </label>
          {isInstructor ? (
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.target.checked)} className="accent-accent" />
              Include hidden comments (marked as hidden; only instructors can)
            </label>
          ) : null}
          {format === "csv" ? (
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} className="accent-accent" />
              For Excel (adds a byte order mark so accents and emoji open correctly)
            </label>
          ) : null}
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        {format === "html" ? (
          <a href={checked.success ? href : undefined} target="_blank" rel="noopener" aria-disabled={!checked.success} className={primaryButton}>
            Open the print view
          </a>
        ) : (
          <button type="submit" disabled={busy || !checked.success} className={primaryButton}>
            {busy ? "Exporting…" : "Download"}
          </button>
        )}
        {format === "html" ? (
          <a href={checked.success ? href : undefined} download className={secondaryButton}>
            Download it
          </a>
        ) : null}
        <div role="status" aria-live="polite" className="min-w-0 flex-1 text-sm">
          {progress.state === "downloading" ? (
            <span className="flex items-center gap-3 text-muted">
              <progress aria-label="Export progress" className="h-2 w-40 accent-accent" />
              {size(progress.bytes)} so far
            </span>
          ) : progress.state === "done" ? (
            <span className="text-ink">
              Saved <span className="font-medium">{progress.name}</span> ({size(progress.bytes)}).
            </span>
          ) : progress.state === "error" ? (
            <span className="text-danger">{progress.message}</span>
          ) : null}
        </div>
      </div>
    </form>
  );
}

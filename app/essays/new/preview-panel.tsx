"use client";

import { useEffect, useRef } from "react";
import { primaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { EssayPreview } from "@/lib/essays/import/essay-preview";
import type { ImportSeminar } from "@/lib/essays/list-import-seminars.server";
import type { FormState } from "@/lib/errors/to-form-error";
import { importEssayAction, type ImportEssayField } from "./import-essay-action";

const FIELDS = ["title", "author", "seminarId", "paragraphs"] as const satisfies readonly ImportEssayField[];
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Props = { preview: EssayPreview; seminars: ImportSeminar[]; defaultSeminarId: string | null };

/**
 * The essay as Import will store it: title and author to correct, the seminar whose list it joins, every heading and
 * paragraph in order, and what was left out. What is shown is what is sent, so the stored essay is the one checked.
 */
export function PreviewPanel({ preview, seminars, defaultSeminarId }: Props) {
  // Each preview mounts afresh (keyed by the form) and takes focus once it is on the page: below the fold on small
  // screens, keyboard and screen-reader users are taken to it. Focusing from the form a frame after setting state
  // raced React's commit and sometimes found no heading yet.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { state, formAction, pending, onSubmit } = useActionForm(importEssayAction, null as FormState<ImportEssayField>);
  const errors = state?.ok === false ? state : null;
  const summary = [
    ...FIELDS.filter((field) => errors?.fieldErrors?.[field]).map((field) => ({
      fieldId: field === "paragraphs" ? undefined : `import-${field}`,
      message: errors!.fieldErrors![field],
    })),
    ...(errors?.formError ? [{ message: errors.formError }] : []),
  ];
  const count = (kind: string) => preview.paragraphs.filter((p) => p.kind === kind).length;
  const [body, headings, notes] = [count("body"), count("heading"), count("note")];

  return (
    <section aria-labelledby="preview-heading" className="rounded-xl border border-line bg-card px-5 py-6 shadow-xs sm:px-8">
      <h2 id="preview-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold text-ink outline-none">
        Preview
      </h2>
      <p className="mt-1 text-sm text-muted">
        {[plural(body, "paragraph", "paragraphs"), plural(headings, "heading", "headings"), notes > 0 ? plural(notes, "note", "notes") : null]
          .filter(Boolean)
          .join(" · ")}
        {preview.source ? <span className="break-all"> · from {preview.source}</span> : null}
      </p>

      <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending} className="mt-5 flex flex-col gap-4">
        <ErrorSummary errors={summary} />
        <input type="hidden" name="source" value={preview.source ?? ""} />
        <input type="hidden" name="paragraphs" value={JSON.stringify(preview.paragraphs)} />
        <TextField id="import-title" name="title" label="Title" required maxLength={300} defaultValue={preview.title} autoComplete="off" error={errors?.fieldErrors?.title} />
        <TextField
          id="import-author"
          name="author"
          label="Author"
          hint={preview.author ? undefined : "Not found in the text; leave empty if unknown."}
          maxLength={200}
          defaultValue={preview.author ?? ""}
          autoComplete="off"
          error={errors?.fieldErrors?.author}
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor="import-seminarId" className="text-sm font-medium text-ink">
            Add to a reading list
          </label>
          <select
            id="import-seminarId"
            name="seminarId"
            defaultValue={defaultSeminarId ?? ""}
            aria-invalid={errors?.fieldErrors?.seminarId ? true : undefined}
            className="w-full rounded-md border border-line bg-card px-3 py-2 text-base text-ink shadow-xs outline-none focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent"
          >
            <option value="">None: only the library</option>
            {seminars.map((seminar) => (
              <option key={seminar.id} value={seminar.id}>
                {seminar.name} ({seminar.term})
              </option>
            ))}
          </select>
        </div>

        <div className="flex flex-col gap-1.5">
          <h3 id="preview-text-heading" className="text-sm font-medium text-ink">
            Text, as it will be saved
          </h3>
          {/* Focusable so that keyboard users can scroll it; labelled so that screen readers say what it is. */}
          <div
            tabIndex={0}
            role="region"
            aria-labelledby="preview-text-heading"
            className="max-h-96 overflow-y-auto rounded-md border border-line bg-paper px-4 py-3 font-serif text-[0.95rem] leading-relaxed text-ink focus-visible:outline-2 focus-visible:outline-accent"
          >
            <p className="mb-3 font-serif text-xl font-semibold">{preview.title}</p>
            {preview.paragraphs.map((paragraph, i) =>
              paragraph.kind === "heading" ? (
                <p key={i} className="mb-2 mt-4 font-sans text-base font-semibold">
                  <span className="sr-only">Heading: </span>
                  {paragraph.text}
                </p>
              ) : paragraph.kind === "note" ? (
                <p key={i} className="mb-3 border-l-2 border-line pl-3 text-sm italic text-muted">
                  <span className="not-italic font-sans text-xs font-medium uppercase tracking-wide">Note </span>
                  {paragraph.text}
                </p>
              ) : (
                <p key={i} className="mb-3">
                  {paragraph.text}
                </p>
              ),
            )}
          </div>
        </div>

        {preview.dropped.length > 0 ? (
          <details className="rounded-md border border-line px-4 py-2 text-sm">
            <summary className="cursor-pointer py-1 font-medium text-ink">
              Left out: {plural(preview.dropped.length, "item", "items")}
            </summary>
            <p className="mt-1 text-muted">
              What Gloss took for the page around the essay (menus, teasers, footers, page numbers). Check that none of it is
              part of the essay; if some is, paste the essay&apos;s text instead.
            </p>
            <ul className="mb-2 mt-2 list-disc space-y-1 pl-5 text-muted">
              {preview.dropped.map((item, i) => (
                <li key={i} className="break-words">
                  {item}
                </li>
              ))}
            </ul>
          </details>
        ) : (
          <p className="text-sm text-muted">Nothing was left out.</p>
        )}

        <button type="submit" disabled={pending} className={`${primaryButton} self-start`}>
          {pending ? "Importing…" : "Import essay"}
        </button>
      </form>
    </section>
  );
}

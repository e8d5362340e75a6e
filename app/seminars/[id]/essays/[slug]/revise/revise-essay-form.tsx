"use client";

import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useActionForm } from "@/components/ui/use-action-form";
import type { PlannedChange } from "@/lib/essays/revision-plan";
import { REVISION_MAX_LENGTH } from "@/lib/essays/schemas";
import { reviseEssayAction, type ReviseEssayState } from "./revise-essay-action";

const CHANGE_WORDS: Record<PlannedChange | "removed", string> = {
  kept: "kept",
  edited: "edited",
  split: "split",
  inserted: "inserted",
  removed: "removed",
};

/**
 * The essay's text in one textarea, paragraphs separated by blank lines as the importer reads them. Preview
 * first shows what would change; Save stores it. Saving without a preview is allowed: notes are never lost,
 * only moved to the review list.
 */
export function ReviseEssayForm({ seminarId, essayId, slug, text }: { seminarId: string; essayId: string; slug: string; text: string }) {
  const { state, formAction, pending, onSubmit } = useActionForm(reviseEssayAction, null as ReviseEssayState);
  const errors = state?.ok === false ? state : null;
  const preview = state?.ok && "preview" in state ? state.preview : null;
  const summary = [
    ...(errors?.fieldErrors?.text ? [{ fieldId: "revise-text", message: errors.fieldErrors.text }] : []),
    ...(errors?.formError ? [{ message: errors.formError }] : []),
  ];
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-busy={pending}>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="seminarId" value={seminarId} />
      <input type="hidden" name="essayId" value={essayId} />
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="revise-text" className="font-medium text-ink">
        Text of the essay
      </label>
      <p id="revise-text-hint" className="-mt-3 text-sm text-muted">
        One paragraph per block, separated by a blank line. The title is kept as it is.
      </p>
      <textarea
        id="revise-text"
        name="text"
        required
        rows={24}
        maxLength={REVISION_MAX_LENGTH}
        defaultValue={state?.ok && "text" in state ? state.text : text}
        aria-describedby="revise-text-hint"
        aria-invalid={errors?.fieldErrors?.text ? true : undefined}
        className="w-full rounded-md border border-line bg-card p-3 font-serif text-[0.95rem] leading-relaxed text-ink"
      />
      {preview ? (
        <section aria-labelledby="preview-heading" role="status" className="rounded-lg border border-line bg-paper p-4 text-sm">
          <h2 id="preview-heading" className="font-semibold text-ink">
            What saving will do
          </h2>
          <p className="mt-1">
            Paragraphs:{" "}
            {(Object.keys(CHANGE_WORDS) as Array<keyof typeof CHANGE_WORDS>)
              .map((change) => `${preview.plan.counts[change]} ${CHANGE_WORDS[change]}`)
              .join(", ")}
            .
          </p>
          <p className="mt-1">
            This seminar&apos;s notes: {preview.notes.stay} stay, {preview.notes.move} move, {preview.notes.review} need review,{" "}
            {preview.notes.unanchored} become unanchored. None is deleted.
          </p>
          {preview.dropped.length > 0 ? (
            <p className="mt-1 text-danger">
              From “{preview.dropped[0]}” on, {preview.dropped.length} block{preview.dropped.length === 1 ? "" : "s"} look like web-page extras and would be left out.
            </p>
          ) : null}
          <ol className="mt-3 flex flex-col gap-1">
            {preview.plan.paragraphs
              .filter((p) => p.change !== "kept")
              .map((p, i) => (
                <li key={i} className="line-clamp-2">
                  <span className="font-semibold">{CHANGE_WORDS[p.change]}:</span> {p.text}
                </li>
              ))}
            {preview.plan.removed.map((p) => (
              <li key={p.id} className="line-clamp-2 text-muted">
                <span className="font-semibold">removed:</span> {p.text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <div className="flex gap-3">
        <button type="submit" name="intent" value="preview" disabled={pending} className={secondaryButton}>
          {pending ? "Working…" : "Preview changes"}
        </button>
        <button type="submit" name="intent" value="save" disabled={pending} className={primaryButton}>
          Save revision
        </button>
      </div>
    </form>
  );
}

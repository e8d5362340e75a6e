"use client";

import Link from "next/link";
import { primaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusMessage } from "@/components/ui/status-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";
import { addEssayAction, type AddEssayField } from "./add-essay-action";

type Choice = { id: string; title: string; author: string | null };

/** Picks one of the library's essays that is not on the reading list yet. */
export function AddEssayForm({ seminarId, choices }: { seminarId: string; choices: Choice[] }) {
  const { state, formAction, pending, onSubmit } = useActionForm(addEssayAction, null as FormState<AddEssayField>);
  const errors = state?.ok === false ? state : null;
  const fieldError = errors?.fieldErrors?.essayId;
  const summary = [
    ...(fieldError ? [{ fieldId: "add-essay-id", message: fieldError }] : []),
    ...(errors?.formError ? [{ message: errors.formError }] : []),
  ];

  if (choices.length === 0) {
    return (
      <div className="flex flex-col gap-2">
        {/* Still shown after the last essay was added, which is what emptied the choices. */}
        <StatusMessage message={state?.ok ? state.message : null} />
        <p className="text-sm text-muted">
          Every essay in the library is on the list.{" "}
          <Link href={`/essays/new?seminar=${seminarId}`} className="text-accent underline underline-offset-2">
            Import an essay
          </Link>{" "}
          to add another.
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-busy={pending}>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="seminarId" value={seminarId} />
      <label htmlFor="add-essay-id" className="text-sm font-medium text-ink">
        Essay
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        {/* Keyed by the choices so the select starts over at the prompt after the list changed. */}
        <select
          key={choices.map((choice) => choice.id).join()}
          id="add-essay-id"
          name="essayId"
          defaultValue=""
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "add-essay-id-error" : undefined}
          className="w-full min-w-0 flex-1 rounded-md border border-line bg-card px-3 py-2 text-base text-ink shadow-xs outline-none focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger"
        >
          {/* Not disabled: a disabled choice sends nothing, and the schema's "Choose an essay" message needs "". */}
          <option value="">Choose an essay…</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.author ? `${choice.title} — ${choice.author}` : choice.title}
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? "Adding…" : "Add to list"}
        </button>
      </div>
      {fieldError ? (
        <p id="add-essay-id-error" className="text-sm text-danger">
          {fieldError}
        </p>
      ) : null}
      <StatusMessage message={state?.ok ? state.message : null} />
    </form>
  );
}

"use client";

import { secondaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusMessage } from "@/components/ui/status-message";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";
import { renameSeminarAction, type RenameSeminarField } from "./rename-seminar-action";

const FIELDS = ["name", "term"] as const satisfies readonly RenameSeminarField[];

/** The seminar's name and term, filled in with the current ones; the same rules as when it was created. */
export function RenameSeminarForm({ seminarId, name, term }: { seminarId: string; name: string; term: string }) {
  const { state, formAction, pending, onSubmit } = useActionForm(renameSeminarAction, null as FormState<RenameSeminarField>);
  const errors = state?.ok === false ? state : null;
  const summary = [
    ...FIELDS.filter((field) => errors?.fieldErrors?.[field]).map((field) => ({ fieldId: `rename-seminar-${field}`, message: errors!.fieldErrors![field] })),
    ...(errors?.formError ? [{ message: errors.formError }] : []),
  ];
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-busy={pending}>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="seminarId" value={seminarId} />
      <TextField id="rename-seminar-name" name="name" label="Name" autoComplete="off" required maxLength={120} defaultValue={name} error={errors?.fieldErrors?.name} />
      <TextField id="rename-seminar-term" name="term" label="Term" autoComplete="off" required maxLength={60} defaultValue={term} error={errors?.fieldErrors?.term} />
      <button type="submit" disabled={pending} className={`${secondaryButton} self-start`}>
        {pending ? "Saving…" : "Save name and term"}
      </button>
      <StatusMessage message={state?.ok ? state.message : null} />
    </form>
  );
}

"use client";

import { primaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";
import { createSeminarAction, type CreateSeminarField } from "./create-seminar-action";

const FIELDS: CreateSeminarField[] = ["name", "term"];

export function CreateSeminarForm() {
  const { state, formAction, pending, onSubmit } = useActionForm(createSeminarAction, null as FormState<CreateSeminarField>);
  const errors = state?.ok === false ? state : null;
  const summary = [
    ...FIELDS.filter((field) => errors?.fieldErrors?.[field]).map((field) => ({ fieldId: `create-seminar-${field}`, message: errors!.fieldErrors![field] })),
    ...(errors?.formError ? [{ message: errors.formError }] : []),
  ];
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-busy={pending}>
      <ErrorSummary errors={summary} />
      <TextField id="create-seminar-name" name="name" label="Name" autoComplete="off" required maxLength={120} placeholder="Russia and its neighbours" error={errors?.fieldErrors?.name} />
      <TextField id="create-seminar-term" name="term" label="Term" autoComplete="off" required maxLength={60} placeholder="Spring 2027" error={errors?.fieldErrors?.term} />
      <button type="submit" disabled={pending} className={`${primaryButton} self-start`}>
        {pending ? "Creating…" : "Create seminar"}
      </button>
    </form>
  );
}

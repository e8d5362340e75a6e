"use client";

import { secondaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusMessage } from "@/components/ui/status-message";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";
import { renameUserAction, type RenameUserField } from "./rename-action";

export function RenameForm({ name }: { name: string }) {
  const { state, formAction, pending, onSubmit } = useActionForm(renameUserAction, null as FormState<RenameUserField>);
  const errors = state?.ok === false ? state : null;
  const summary = [
    ...(errors?.fieldErrors?.name ? [{ fieldId: "account-name", message: errors.fieldErrors.name }] : []),
    ...(errors?.formError ? [{ message: errors.formError }] : []),
  ];
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-busy={pending}>
      <ErrorSummary errors={summary} />
      <TextField
        id="account-name"
        name="name"
        label="Display name"
        autoComplete="name"
        required
        maxLength={80}
        defaultValue={name}
        hint="Shown beside the notes you write from now on. Notes already written keep the name they were signed with."
        error={errors?.fieldErrors?.name}
      />
      <button type="submit" disabled={pending} className={`${secondaryButton} self-start`}>
        {pending ? "Saving…" : "Save name"}
      </button>
      <StatusMessage message={state?.ok ? state.message : null} />
    </form>
  );
}

"use client";

import { useEffect, useRef } from "react";
import { secondaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusMessage } from "@/components/ui/status-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";
import { addTagAction, type AddTagField } from "./add-tag-action";

export function AddTagForm({ seminarId }: { seminarId: string }) {
  const { state, formAction, pending, onSubmit } = useActionForm(addTagAction, null as FormState<AddTagField>);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state?.ok === false ? state : null;
  const fieldError = errors?.fieldErrors?.name;
  const summary = [
    ...(fieldError ? [{ fieldId: "add-tag-name", message: fieldError }] : []),
    ...(errors?.formError ? [{ message: errors.formError }] : []),
  ];

  // Cleared only after a tag was added, so a rejected name stays in the field to be corrected.
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-busy={pending}>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="seminarId" value={seminarId} />
      <label htmlFor="add-tag-name" className="text-sm font-medium text-ink">
        New tag
      </label>
      <div className="flex gap-2">
        <input
          id="add-tag-name"
          name="name"
          autoComplete="off"
          maxLength={24}
          placeholder="e.g. method"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "add-tag-name-error" : "add-tag-name-hint"}
          className="min-w-0 flex-1 rounded-md border border-line bg-card px-3 py-2 text-base text-ink shadow-xs outline-none transition-colors focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger"
        />
        <button type="submit" disabled={pending} className={secondaryButton}>
          {pending ? "Adding…" : "Add tag"}
        </button>
      </div>
      {fieldError ? (
        <p id="add-tag-name-error" className="text-sm text-danger">
          {fieldError}
        </p>
      ) : (
        <p id="add-tag-name-hint" className="text-sm text-muted">
          Letters, digits, spaces and hyphens, up to 24 characters; saved in lower case.
        </p>
      )}
      <StatusMessage message={state?.ok ? state.message : null} />
    </form>
  );
}

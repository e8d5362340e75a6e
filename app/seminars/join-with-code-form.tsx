"use client";

import { primaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";
import { joinSeminarAction, type JoinSeminarField } from "./join-seminar-action";

/** Joining by typing the code read off a slide or an email; the /join/CODE link does the same in one click. */
export function JoinWithCodeForm() {
  const { state, formAction, pending, onSubmit } = useActionForm(joinSeminarAction, null as FormState<JoinSeminarField>);
  const errors = state?.ok === false ? state : null;
  const summary = [
    ...(errors?.fieldErrors?.code ? [{ fieldId: "join-code", message: errors.fieldErrors.code }] : []),
    ...(errors?.formError ? [{ message: errors.formError }] : []),
  ];
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-busy={pending}>
      <ErrorSummary errors={summary} />
      <TextField
        id="join-code"
        name="code"
        label="Invite code"
        hint="8 letters and digits, from your instructor. Dashes and spaces don’t matter."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        maxLength={20}
        placeholder="ABCD-EFGH"
        className="rounded-md border border-line bg-card px-3 py-2 font-mono text-base uppercase tracking-widest text-ink shadow-xs outline-none transition-colors focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger"
        error={errors?.fieldErrors?.code}
      />
      <button type="submit" disabled={pending} className={`${primaryButton} self-start`}>
        {pending ? "Joining…" : "Join seminar"}
      </button>
    </form>
  );
}

"use client";

import { joinSeminarAction, type JoinSeminarField } from "@/app/seminars/join-seminar-action";
import { primaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";

/** The one button on /join/CODE. The code was checked when the page rendered; the action checks it again. */
export function ConfirmJoinForm({ code, seminarName }: { code: string; seminarName: string }) {
  const { state, formAction, pending, onSubmit } = useActionForm(joinSeminarAction, null as FormState<JoinSeminarField>);
  const message = state?.ok === false ? (state.formError ?? state.fieldErrors?.code) : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} className="mt-6 flex flex-col gap-4" aria-busy={pending}>
      <ErrorSummary errors={message ? [{ message }] : []} />
      <input type="hidden" name="code" value={code} />
      <button type="submit" disabled={pending} className={`${primaryButton} w-full py-2.5`}>
        {pending ? "Joining…" : `Join ${seminarName}`}
      </button>
    </form>
  );
}

"use client";

import { secondaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusMessage } from "@/components/ui/status-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";
import { letRejoinAction } from "./let-rejoin-action";

/** For instructors: who was removed, whom the invite code keeps out, each with a way to let them rejoin. */
export function RemovedList({ seminarId, removed }: { seminarId: string; removed: Array<{ id: string; name: string }> }) {
  const { state, formAction, pending, onSubmit } = useActionForm(letRejoinAction, null as FormState);
  const error = state?.ok === false ? (state.formError ?? Object.values(state.fieldErrors ?? {})[0]) : undefined;
  if (removed.length === 0 && !state) return null;
  return (
    <div className="mt-4 border-t border-line pt-3">
      <h3 className="text-sm font-semibold text-ink">Removed ({removed.length})</h3>
      <p className="text-xs text-muted">The invite code does not let them back in.</p>
      <ErrorSummary errors={error ? [{ message: error }] : []} />
      <StatusMessage message={state?.ok ? state.message : null} />
      <ul className="mt-1">
        {removed.map((person) => (
          <li key={person.id} className="flex items-center justify-between gap-3 py-1.5">
            <span className="min-w-0 truncate text-ink">{person.name}</span>
            <form action={formAction} onSubmit={onSubmit}>
              <input type="hidden" name="seminarId" value={seminarId} />
              <input type="hidden" name="personId" value={person.id} />
              <button type="submit" disabled={pending} aria-label={`Let ${person.name} rejoin`} className={`${secondaryButton} px-2 py-0.5 text-xs`}>
                Let them rejoin
              </button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}

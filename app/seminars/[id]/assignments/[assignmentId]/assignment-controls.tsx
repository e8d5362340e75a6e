"use client";

import { useEffect, useRef, useState } from "react";
import { dangerButton, secondaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusMessage } from "@/components/ui/status-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";
import { deleteAssignmentAction } from "./delete-assignment-action";
import { setAssignmentClosedAction } from "./set-assignment-closed-action";

/**
 * Close or reopen (one step: either is undone by the other) and delete (behind a second step: it cannot be
 * undone, though students' notes stay in the essay). The server decides who may.
 */
export function AssignmentControls({ seminarId, assignmentId, title, closed }: { seminarId: string; assignmentId: string; title: string; closed: boolean }) {
  const close = useActionForm(setAssignmentClosedAction, null as FormState);
  const remove = useActionForm(deleteAssignmentAction, null as FormState);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const pending = close.pending || remove.pending;
  const error = [close.state, remove.state].find((state) => state?.ok === false);
  const message = error?.ok === false ? (error.formError ?? Object.values(error.fieldErrors ?? {})[0]) : undefined;

  function cancel() {
    setConfirming(false);
    requestAnimationFrame(() => triggerRef.current?.focus());
  }

  return (
    <div className="flex flex-col gap-3">
      <ErrorSummary errors={message ? [{ message }] : []} />
      <div className="flex flex-wrap gap-2">
        <form action={close.formAction} onSubmit={close.onSubmit}>
          <input type="hidden" name="seminarId" value={seminarId} />
          <input type="hidden" name="assignmentId" value={assignmentId} />
          <input type="hidden" name="closed" value={closed ? "false" : "true"} />
          <button type="submit" disabled={pending} className={`${secondaryButton} text-sm`}>
            {close.pending ? "Saving…" : closed ? "Reopen" : "Close"}
          </button>
        </form>
        {confirming ? null : (
          <button ref={triggerRef} type="button" onClick={() => setConfirming(true)} disabled={pending} className={`${dangerButton} text-sm`}>
            Delete
          </button>
        )}
      </div>
      {confirming ? (
        <div
          role="group"
          aria-label="Confirm deleting"
          onKeyDown={(event) => {
            if (event.key === "Escape" && !pending) cancel();
          }}
          className="rounded-lg border border-line bg-paper px-4 py-3"
        >
          <p className="text-sm text-ink">Delete “{title}”? Its dashboard and extensions go; the notes students wrote stay in the essay.</p>
          <form action={remove.formAction} onSubmit={remove.onSubmit} className="mt-3 flex flex-wrap gap-2">
            <input type="hidden" name="seminarId" value={seminarId} />
            <input type="hidden" name="assignmentId" value={assignmentId} />
            <button ref={confirmRef} type="submit" disabled={pending} className={`${dangerButton} text-sm`}>
              {remove.pending ? "Deleting…" : "Delete the assignment"}
            </button>
            <button type="button" onClick={cancel} disabled={pending} className={`${secondaryButton} text-sm`}>
              Cancel
            </button>
          </form>
        </div>
      ) : null}
      <StatusMessage message={close.state?.ok ? close.state.message : null} />
    </div>
  );
}

"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { dangerButton, primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusMessage } from "@/components/ui/status-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";
import { regenerateInviteAction } from "./regenerate-invite-action";
import { revokeInviteAction } from "./revoke-invite-action";

type Step = "regenerate" | "revoke" | null;

const CONFIRM: Record<Exclude<Step, null>, { question: string; button: string }> = {
  regenerate: {
    question: "Make a new code? The current code and link stop working at once. Members stay in the seminar.",
    button: "Make new code",
  },
  revoke: {
    question: "Turn invites off? The current code and link stop working, and nobody can join until you make a new code. Members stay in the seminar.",
    button: "Turn invites off",
  },
};

/**
 * Regenerate and revoke, each behind an explicit second step because both break links already handed out.
 * With no live code there is nothing to break, so making one needs no confirmation.
 */
export function InviteControls({ seminarId, hasCode }: { seminarId: string; hasCode: boolean }) {
  const [step, setStep] = useState<Step>(null);
  const regenerate = useActionForm(regenerateInviteAction, null as FormState);
  const revoke = useActionForm(revokeInviteAction, null as FormState);
  // Which action answered last, so its message is the one shown.
  const [last, setLast] = useState<Step>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const triggerRefs = { regenerate: useRef<HTMLButtonElement>(null), revoke: useRef<HTMLButtonElement>(null) };

  // The step closes once its action has answered, whatever the answer (shown below). The confirm button that had
  // focus is gone then, so focus moves to the first control, which keeps keyboard users in the panel.
  useEffect(() => {
    setStep(null);
    if (regenerate.state !== null || revoke.state !== null) requestAnimationFrame(() => containerRef.current?.querySelector("button")?.focus());
  }, [regenerate.state, revoke.state]);
  useEffect(() => {
    if (step) confirmRef.current?.focus();
  }, [step]);

  const pending = regenerate.pending || revoke.pending;
  const answer = last === "regenerate" ? regenerate.state : last === "revoke" ? revoke.state : null;
  const forms = { regenerate, revoke };

  function cancel() {
    const trigger = step ? triggerRefs[step] : null;
    setStep(null);
    requestAnimationFrame(() => trigger?.current?.focus());
  }

  function submitWith(action: Exclude<Step, null>) {
    return (event: FormEvent<HTMLFormElement>) => {
      setLast(action);
      forms[action].onSubmit(event);
    };
  }

  return (
    <div ref={containerRef} className="flex flex-col gap-3">
      <ErrorSummary errors={answer?.ok === false && answer.formError ? [{ message: answer.formError }] : []} />
      {step ? (
        <div role="group" aria-label="Confirm" className="rounded-lg border border-line bg-paper px-4 py-3">
          <p className="text-sm text-ink">{CONFIRM[step].question}</p>
          <form action={forms[step].formAction} onSubmit={submitWith(step)} className="mt-3 flex flex-wrap gap-2">
            <input type="hidden" name="seminarId" value={seminarId} />
            <button ref={confirmRef} type="submit" disabled={pending} className={step === "revoke" ? `${dangerButton} text-sm` : `${primaryButton} px-3 py-1.5 text-sm`}>
              {pending ? "Saving…" : CONFIRM[step].button}
            </button>
            <button type="button" onClick={cancel} disabled={pending} className={`${secondaryButton} text-sm`}>
              Cancel
            </button>
          </form>
        </div>
      ) : hasCode ? (
        <div className="flex flex-wrap gap-2">
          <button ref={triggerRefs.regenerate} type="button" onClick={() => setStep("regenerate")} className={`${secondaryButton} text-sm`}>
            Regenerate code
          </button>
          <button ref={triggerRefs.revoke} type="button" onClick={() => setStep("revoke")} className={`${dangerButton} text-sm`}>
            Revoke
          </button>
        </div>
      ) : (
        <form action={regenerate.formAction} onSubmit={submitWith("regenerate")}>
          <input type="hidden" name="seminarId" value={seminarId} />
          <button type="submit" disabled={pending} className={`${primaryButton} px-3 py-1.5 text-sm`}>
            {pending ? "Saving…" : "Make a new code"}
          </button>
        </form>
      )}
      <StatusMessage message={answer?.ok ? answer.message : null} />
    </div>
  );
}

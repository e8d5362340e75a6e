"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { dangerButton, secondaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusMessage } from "@/components/ui/status-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";
import { removeEssayAction } from "./remove-essay-action";

type Essay = { id: string; slug: string; title: string; author: string | null };

type Props = {
  seminarId: string;
  essays: Essay[];
  isInstructor: boolean;
  /** Instructors of a seminar that is not archived may take essays off the list. */
  canRemove: boolean;
};

/**
 * The seminar's reading list; for instructors, each essay with a Remove control behind a confirmation that says
 * what happens to its discussion (kept, closed, back whole when the essay is added again), since members who have
 * it open lose it at once. The server decides who may remove what.
 */
export function ReadingList({ seminarId, essays, isInstructor, canRemove }: Props) {
  const { state, formAction, pending, onSubmit } = useActionForm(removeEssayAction, null as FormState);
  const [confirming, setConfirming] = useState<Essay | null>(null);
  // Which essay the last answer was about, so the note can name it after its row is gone.
  const [lastTarget, setLastTarget] = useState<Essay | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggers = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // Once the server has answered: on success the row is gone, so focus goes to the heading; on a refusal, back to
  // the essay's Remove button, with the reason above the list.
  useEffect(() => {
    if (state === null) return;
    setConfirming(null);
    const target = lastTarget;
    requestAnimationFrame(() => (state.ok ? headingRef.current : target && triggers.current.get(target.id))?.focus());
    // Runs per answer only: lastTarget is set before each submit and must not trigger it again.
  }, [state]);

  function cancel() {
    const essay = confirming;
    setConfirming(null);
    requestAnimationFrame(() => essay && triggers.current.get(essay.id)?.focus());
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && !pending) {
      event.preventDefault();
      cancel();
    }
  }

  const error = state?.ok === false ? (state.formError ?? Object.values(state.fieldErrors ?? {})[0]) : undefined;

  return (
    <section aria-labelledby="reading-list-heading">
      <h2 id="reading-list-heading" ref={headingRef} tabIndex={-1} className="font-serif text-2xl font-semibold text-ink outline-none">
        Reading list
      </h2>
      <div className="mt-2 flex flex-col gap-2">
        <ErrorSummary errors={error ? [{ message: error }] : []} />
        <StatusMessage message={state?.ok && lastTarget ? `Took “${lastTarget.title}” off the reading list. Its discussion is kept: add the essay again to bring it back.` : null} />
      </div>
      {essays.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-line px-6 py-8 text-center text-muted">
          {isInstructor
            ? canRemove
              ? "No essays yet. Add one below; the seminar's shared margin on it opens at once."
              : "No essays on the list."
            : "Your instructor has not put any essays on the list yet."}
        </p>
      ) : (
        <ol className="mt-4 flex flex-col gap-3">
          {essays.map((essay) => {
            const open = confirming?.id === essay.id;
            return (
              <li key={essay.id} className="relative">
                <Link
                  href={`/seminars/${seminarId}/essays/${essay.slug}`}
                  className="group flex flex-col rounded-xl border border-line bg-card px-5 py-4 pr-32 shadow-xs transition hover:border-accent/40 hover:shadow-md"
                >
                  <span className="font-serif text-lg font-semibold leading-snug text-ink group-hover:text-accent-strong">{essay.title}</span>
                  <span className="mt-0.5 text-sm text-muted">{essay.author ?? "Unknown author"}</span>
                </Link>
                <Link
                  href={`/seminars/${seminarId}/essays/${essay.slug}/export-discussion`}
                  aria-label={`Export the discussion of “${essay.title}”`}
                  className="absolute bottom-4 right-4 text-xs font-medium text-accent underline-offset-2 hover:underline"
                >
                  Export…
                </Link>
                {canRemove && !open ? (
                  <button
                    type="button"
                    ref={(button) => {
                      if (button) triggers.current.set(essay.id, button);
                      else triggers.current.delete(essay.id);
                    }}
                    onClick={() => setConfirming(essay)}
                    disabled={pending}
                    aria-label={`Remove “${essay.title}” from the reading list`}
                    className={`${dangerButton} absolute right-4 top-4 px-2 py-0.5 text-xs`}
                  >
                    Remove
                  </button>
                ) : null}
                {open ? (
                  <div role="group" aria-label={`Confirm removing “${essay.title}”`} onKeyDown={onKeyDown} className="mt-2 rounded-lg border border-line bg-paper px-4 py-3">
                    <p className="text-sm text-ink">
                      Take &ldquo;{essay.title}&rdquo; off the reading list? Members lose it at once, open pages included.{" "}
                      <strong className="font-medium">Its discussion is kept</strong>: nobody can open it while the essay is off the list, and
                      it comes back whole if you add the essay again.
                    </p>
                    <form
                      action={formAction}
                      onSubmit={(event) => {
                        setLastTarget(essay);
                        onSubmit(event);
                      }}
                      className="mt-3 flex flex-wrap gap-2"
                    >
                      <input type="hidden" name="seminarId" value={seminarId} />
                      <input type="hidden" name="essayId" value={essay.id} />
                      <button ref={confirmRef} type="submit" disabled={pending} className={`${dangerButton} text-sm`}>
                        {pending ? "Removing…" : "Remove from the list"}
                      </button>
                      <button type="button" onClick={cancel} disabled={pending} className={`${secondaryButton} text-sm`}>
                        Cancel
                      </button>
                    </form>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { dangerButton, primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusMessage } from "@/components/ui/status-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";
import { archiveSeminarAction } from "./archive-seminar-action";
import { unarchiveSeminarAction } from "./unarchive-seminar-action";

type Props = { seminarId: string; seminarName: string; archived: boolean };

/**
 * Archive, behind a confirmation that says what it does to everyone's pages; unarchive, which takes nothing away,
 * in one step. After either, focus goes to the control that replaced the one used, so keyboard users stay here.
 */
export function ArchiveControls({ seminarId, seminarName, archived }: Props) {
  const archive = useActionForm(archiveSeminarAction, null as FormState);
  const unarchive = useActionForm(unarchiveSeminarAction, null as FormState);
  const [confirming, setConfirming] = useState(false);
  const [last, setLast] = useState<"archive" | "unarchive" | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    setConfirming(false);
    if (archive.state !== null || unarchive.state !== null) requestAnimationFrame(() => containerRef.current?.querySelector("button")?.focus());
  }, [archive.state, unarchive.state]);

  const pending = archive.pending || unarchive.pending;
  const answer = last === "archive" ? archive.state : last === "unarchive" ? unarchive.state : null;

  function cancel() {
    setConfirming(false);
    requestAnimationFrame(() => triggerRef.current?.focus());
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && !pending) {
      event.preventDefault();
      cancel();
    }
  }

  return (
    <div ref={containerRef} className="flex flex-col gap-3">
      <ErrorSummary errors={answer?.ok === false && answer.formError ? [{ message: answer.formError }] : []} />
      {archived ? (
        <>
          <p className="text-sm text-muted">Archived: everyone can read it, nobody can change it. Unarchive it to make changes or to let members annotate again.</p>
          <form
            action={unarchive.formAction}
            onSubmit={(event) => {
              setLast("unarchive");
              unarchive.onSubmit(event);
            }}
          >
            <input type="hidden" name="seminarId" value={seminarId} />
            <button type="submit" disabled={pending} className={`${primaryButton} px-3 py-1.5 text-sm`}>
              {pending ? "Saving…" : "Unarchive seminar"}
            </button>
          </form>
        </>
      ) : confirming ? (
        <div role="group" aria-label="Confirm archiving" onKeyDown={onKeyDown} className="rounded-lg border border-line bg-paper px-4 py-3">
          <p className="text-sm text-ink">
            Archive {seminarName}? It becomes read-only for everyone, you included: its essays and notes can still be read,
            but nothing can be added, changed or discussed, and nobody can join. Open pages switch to read-only at once. You
            can unarchive it later.
          </p>
          <form
            action={archive.formAction}
            onSubmit={(event) => {
              setLast("archive");
              archive.onSubmit(event);
            }}
            className="mt-3 flex flex-wrap gap-2"
          >
            <input type="hidden" name="seminarId" value={seminarId} />
            <button ref={confirmRef} type="submit" disabled={pending} className={`${dangerButton} text-sm`}>
              {pending ? "Archiving…" : "Archive seminar"}
            </button>
            <button type="button" onClick={cancel} disabled={pending} className={`${secondaryButton} text-sm`}>
              Cancel
            </button>
          </form>
        </div>
      ) : (
        <>
          <p className="text-sm text-muted">When the term is over: keeps everything readable and stops all changes.</p>
          <button ref={triggerRef} type="button" onClick={() => setConfirming(true)} className={`${dangerButton} self-start text-sm`}>
            Archive seminar…
          </button>
        </>
      )}
      <StatusMessage message={answer?.ok ? answer.message : null} />
    </div>
  );
}

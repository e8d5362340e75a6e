"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { dangerButton, secondaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusMessage } from "@/components/ui/status-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/errors/to-form-error";
import type { SeminarMember } from "@/lib/seminars/get-seminar.server";
import { RoleBadge } from "@/components/seminars/role-badge";
import { removeMemberAction } from "./remove-member-action";

type Props = { seminarId: string; seminarName: string; members: SeminarMember[]; meId: string; canRemove: boolean };

/**
 * The seminar's members; for instructors, each with a Remove control behind a confirmation step, since removal
 * takes effect at once (their open pages lose the live discussion). The server decides who may remove whom.
 */
export function MemberList({ seminarId, seminarName, members, meId, canRemove }: Props) {
  const { state, formAction, pending, onSubmit } = useActionForm(removeMemberAction, null as FormState);
  const [confirming, setConfirming] = useState<SeminarMember | null>(null);
  // Who the last answered removal was for, so the success note can name them after their row is gone.
  const [lastTarget, setLastTarget] = useState<SeminarMember | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggers = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // Once the server has answered: on success the row is gone, so focus goes to the heading (the count changed);
  // on a refusal, back to the member's Remove button, with the reason above the list.
  useEffect(() => {
    if (state === null) return;
    setConfirming(null);
    const target = lastTarget;
    requestAnimationFrame(() => (state.ok ? headingRef.current : target && triggers.current.get(target.id))?.focus());
    // Runs per answer only: lastTarget is set before each submit and must not trigger it again.
  }, [state]);

  function cancel() {
    const member = confirming;
    setConfirming(null);
    requestAnimationFrame(() => member && triggers.current.get(member.id)?.focus());
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && !pending) {
      event.preventDefault();
      cancel();
    }
  }

  // The last instructor cannot leave (the server refuses it too), so they are not offered a button that must fail.
  const instructors = members.filter((member) => member.role === "instructor").length;
  const error = state?.ok === false ? (state.formError ?? Object.values(state.fieldErrors ?? {})[0]) : undefined;

  return (
    <>
      <h2 id="members-heading" ref={headingRef} tabIndex={-1} className="font-serif text-xl font-semibold text-ink outline-none">
        Members <span className="font-sans text-base font-normal text-muted">({members.length})</span>
      </h2>
      <div className="mt-2 flex flex-col gap-2">
        <ErrorSummary errors={error ? [{ message: error }] : []} />
        <StatusMessage message={state?.ok && lastTarget ? `Removed ${lastTarget.name}. They no longer have access to the seminar.` : null} />
      </div>
      <ul className="mt-1 divide-y divide-line">
        {members.map((member) => {
          const isMe = member.id === meId;
          const open = confirming?.id === member.id;
          return (
            <li key={member.id} className="py-2">
              <div className="flex items-center justify-between gap-3">
                <span className="min-w-0">
                  <span className="block truncate text-ink">
                    {member.name}
                    {isMe ? <span className="text-muted"> (you)</span> : null}
                  </span>
                  {member.email ? (
                    <span className="block truncate text-xs text-muted" title={member.email}>
                      {member.email}
                    </span>
                  ) : null}
                </span>
                <span className="flex shrink-0 items-center gap-2">
                  <RoleBadge role={member.role} />
                  {canRemove && !open && !(isMe && instructors <= 1) ? (
                    <button
                      type="button"
                      ref={(button) => {
                        if (button) triggers.current.set(member.id, button);
                        else triggers.current.delete(member.id);
                      }}
                      onClick={() => setConfirming(member)}
                      disabled={pending}
                      aria-label={isMe ? "Leave the seminar" : `Remove ${member.name}`}
                      className={`${dangerButton} px-2 py-0.5 text-xs`}
                    >
                      {isMe ? "Leave" : "Remove"}
                    </button>
                  ) : null}
                </span>
              </div>
              {open ? (
                <div role="group" aria-label={isMe ? "Confirm leaving" : `Confirm removing ${member.name}`} onKeyDown={onKeyDown} className="mt-2 rounded-lg border border-line bg-paper px-4 py-3">
                  <p className="text-sm text-ink">
                    {isMe
                      ? `Leave ${seminarName}? You lose access to its pages and its discussion at once.`
                      : `Remove ${member.name} from ${seminarName}? They lose access at once, their open pages included; their notes stay. The invite code will not let them back in unless you let them rejoin.`}
                  </p>
                  <form
                    action={formAction}
                    onSubmit={(event) => {
                      setLastTarget(member);
                      onSubmit(event);
                    }}
                    className="mt-3 flex flex-wrap gap-2"
                  >
                    <input type="hidden" name="seminarId" value={seminarId} />
                    <input type="hidden" name="memberId" value={member.id} />
                    <button ref={confirmRef} type="submit" disabled={pending} className={`${dangerButton} text-sm`}>
                      {pending ? "Removing…" : isMe ? "Leave the seminar" : `Remove ${member.name}`}
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
      </ul>
    </>
  );
}

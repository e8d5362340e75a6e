"use client";

import { useState } from "react";
import { primaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusMessage } from "@/components/ui/status-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ExtendDueDateField } from "@/lib/assignments/schemas";
import { useTimeZone } from "@/lib/client/use-time-zone";
import type { FormState } from "@/lib/errors/to-form-error";
import { instantToWallTime } from "@/lib/time/wall-time";
import { extendDueDateAction } from "./extend-due-date-action";

const control =
  "rounded-md border border-line bg-card px-3 py-2 text-base text-ink shadow-xs outline-none focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger";

type Student = { id: string; name: string; dueAt: Date };

/** A later due time for one student; the time is typed in the instructor's zone, which the form sends along. */
export function ExtendDueDateForm({ seminarId, assignmentId, students }: { seminarId: string; assignmentId: string; students: Student[] }) {
  const { state, formAction, pending, onSubmit } = useActionForm(extendDueDateAction, null as FormState<ExtendDueDateField>);
  const timeZone = useTimeZone();
  const [studentId, setStudentId] = useState("");
  const errors = state?.ok === false ? state : null;
  const chosen = students.find((s) => s.id === studentId);
  // A day after the due time that applies to them now, as a starting point.
  const suggested = chosen && timeZone ? instantToWallTime(new Date(chosen.dueAt.getTime() + 86_400_000), timeZone) : "";
  const summary = [
    ...(errors?.fieldErrors?.studentId ? [{ fieldId: "extend-student", message: errors.fieldErrors.studentId }] : []),
    ...(errors?.fieldErrors?.dueAt ? [{ fieldId: "extend-due", message: errors.fieldErrors.dueAt }] : []),
    ...(errors?.fieldErrors?.timeZone ? [{ message: errors.fieldErrors.timeZone }] : []),
    ...(errors?.formError ? [{ message: errors.formError }] : []),
  ];

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-busy={pending}>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="seminarId" value={seminarId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="timeZone" value={timeZone ?? "UTC"} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="extend-student" className="text-sm font-medium text-ink">
            Student
          </label>
          <select id="extend-student" name="studentId" value={studentId} onChange={(event) => setStudentId(event.target.value)} className={control} aria-invalid={errors?.fieldErrors?.studentId ? true : undefined}>
            <option value="">Choose a student…</option>
            {students.map((student) => (
              <option key={student.id} value={student.id}>
                {student.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="extend-due" className="text-sm font-medium text-ink">
            New due date and time
          </label>
          {/* Keyed by the suggestion so choosing another student offers their own starting point. */}
          <input
            key={suggested}
            id="extend-due"
            name="dueAt"
            type="datetime-local"
            defaultValue={suggested}
            className={control}
            aria-invalid={errors?.fieldErrors?.dueAt ? true : undefined}
            aria-describedby="extend-due-hint"
          />
        </div>
        <button type="submit" disabled={pending || !timeZone} className={primaryButton}>
          {pending ? "Saving…" : "Extend"}
        </button>
      </div>
      <p id="extend-due-hint" className="text-sm text-muted">
        In your time zone{timeZone ? ` (${timeZone})` : ""}. It replaces any extension they had, and must be after the assignment&rsquo;s own due time.
      </p>
      <StatusMessage message={state?.ok ? state.message : null} />
    </form>
  );
}

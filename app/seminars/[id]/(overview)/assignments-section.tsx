import Link from "next/link";
import { StatusBadge } from "@/components/assignments/status-badge";
import { LocalTime } from "@/components/local-time";
import { primaryButton } from "@/components/ui/button-styles";
import { listSeminarAssignments } from "@/lib/assignments/list-seminar-assignments.server";
import { listStudentAssignments } from "@/lib/assignments/list-student-assignments.server";
import { getDb } from "@/lib/db/client.server";
import type { SeminarRole } from "@/lib/seminars/get-role.server";

/** `archived`: the seminar is read-only, so no new assignment is offered (createAssignment refuses it too). */
type Props = { seminarId: string; role: SeminarRole; userId: string; hasEssays: boolean; archived: boolean };

const item = "flex flex-col gap-1 rounded-xl border border-line bg-card px-5 py-4 shadow-xs transition hover:border-accent/40 hover:shadow-md";

/**
 * The seminar page's assignments: "Assigned to you" with due dates and status for a student; every assignment,
 * with a way to make one, for an instructor. Its own component so the seminar page stays a list of sections.
 */
export async function AssignmentsSection({ seminarId, role, userId, hasEssays, archived }: Props) {
  return role === "instructor" ? (
    <ForInstructors seminarId={seminarId} userId={userId} canCreate={hasEssays && !archived} hasEssays={hasEssays} />
  ) : (
    <ForStudents seminarId={seminarId} userId={userId} />
  );
}

async function ForStudents({ seminarId, userId }: { seminarId: string; userId: string }) {
  const assignments = await listStudentAssignments(getDb(), { seminarId, userId, now: new Date() });
  return (
    <section aria-labelledby="assigned-heading">
      <h2 id="assigned-heading" className="font-serif text-2xl font-semibold text-ink">
        Assigned to you
      </h2>
      {assignments.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-line px-6 py-6 text-center text-muted">Nothing is assigned to you in this seminar yet.</p>
      ) : (
        <ul className="mt-4 flex flex-col gap-3">
          {assignments.map((assignment) => (
            <li key={assignment.id}>
              <Link href={`/seminars/${seminarId}/assignments/${assignment.id}`} className={`group ${item}`}>
                <span className="flex items-start justify-between gap-3">
                  <span className="font-serif text-lg font-semibold leading-snug text-ink group-hover:text-accent-strong">{assignment.title}</span>
                  <StatusBadge status={assignment.status} />
                </span>
                <span className="text-sm text-muted">
                  {assignment.essayTitle} · {assignment.closedAt ? "Closed" : assignment.extended ? "Extended to " : "Due "}
                  {assignment.closedAt ? null : <LocalTime at={assignment.dueAt} />}
                </span>
                <span className="text-sm text-muted">Done means {assignment.ruleText}.</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

async function ForInstructors({ seminarId, userId, canCreate, hasEssays }: { seminarId: string; userId: string; canCreate: boolean; hasEssays: boolean }) {
  const assignments = await listSeminarAssignments(getDb(), { seminarId, userId });
  const now = new Date();
  return (
    <section aria-labelledby="assignments-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="assignments-heading" className="font-serif text-2xl font-semibold text-ink">
          Assignments
        </h2>
        {canCreate ? (
          <Link href={`/seminars/${seminarId}/assignments/new`} className={`${primaryButton} px-3 py-1.5 text-sm`}>
            New assignment
          </Link>
        ) : null}
      </div>
      {assignments.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-line px-6 py-6 text-center text-muted">
          {canCreate
            ? "No assignments yet. Assign a passage, and see who has taken part without counting by hand."
            : hasEssays
              ? "No assignments."
              : "Add an essay to the reading list first; assignments are passages of its essays."}
        </p>
      ) : (
        <ul className="mt-4 flex flex-col gap-3">
          {assignments.map((assignment) => (
            <li key={assignment.id}>
              <Link href={`/seminars/${seminarId}/assignments/${assignment.id}`} className={`group ${item}`}>
                <span className="flex items-start justify-between gap-3">
                  <span className="font-serif text-lg font-semibold leading-snug text-ink group-hover:text-accent-strong">{assignment.title}</span>
                  {assignment.closedAt ? (
                    <span className="shrink-0 rounded-full bg-line/60 px-2 py-0.5 text-xs font-medium text-muted ring-1 ring-line">Closed</span>
                  ) : assignment.opensAt > now ? (
                    <span className="shrink-0 rounded-full bg-paper px-2 py-0.5 text-xs font-medium text-muted ring-1 ring-line">Not open yet</span>
                  ) : null}
                </span>
                <span className="text-sm text-muted">
                  {assignment.essayTitle} · Due <LocalTime at={assignment.dueAt} /> ·{" "}
                  {assignment.audience === "everyone" ? "Whole seminar" : `${assignment.chosenCount} chosen ${assignment.chosenCount === 1 ? "student" : "students"}`}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

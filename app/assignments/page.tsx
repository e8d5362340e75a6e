import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/assignments/status-badge";
import { LocalTime } from "@/components/local-time";
import { listMyAssignments } from "@/lib/assignments/list-my-assignments.server";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";

export const metadata: Metadata = { title: "Assigned to you" };

/** Every assignment given to the reader, in all their seminars: due dates in their own time zone, and status. */
export default async function MyAssignmentsPage() {
  const user = await requireUser("/assignments");
  const seminars = await listMyAssignments(getDb(), { userId: user.id, now: new Date() });
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold text-ink">Assigned to you</h1>
      {seminars.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-line px-6 py-10 text-center text-muted">
          Nothing is assigned to you yet. Your instructors’ assignments will appear here and on each seminar’s page.
        </p>
      ) : (
        seminars.map((seminar) => (
          <section key={seminar.id} aria-labelledby={`seminar-${seminar.id}`} className="mt-8">
            <h2 id={`seminar-${seminar.id}`} className="font-serif text-xl font-semibold text-ink">
              <Link href={`/seminars/${seminar.id}`} className="hover:text-accent-strong">
                {seminar.name}
              </Link>
            </h2>
            <ul className="mt-3 flex flex-col gap-3">
              {seminar.assignments.map((assignment) => (
                <li key={assignment.id}>
                  <Link
                    href={`/seminars/${seminar.id}/assignments/${assignment.id}`}
                    className="group flex flex-col gap-1 rounded-xl border border-line bg-card px-5 py-4 shadow-xs transition hover:border-accent/40 hover:shadow-md"
                  >
                    <span className="flex items-start justify-between gap-3">
                      <span className="font-serif text-lg font-semibold leading-snug text-ink group-hover:text-accent-strong">{assignment.title}</span>
                      <StatusBadge status={assignment.status} />
                    </span>
                    <span className="text-sm text-muted">
                      {assignment.essayTitle} · due <LocalTime at={assignment.dueAt} short />
                      {assignment.extended ? " (extended)" : ""}
                      {assignment.closedAt ? " · closed" : ""}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/assignments/status-badge";
import { ArchivedBanner } from "@/components/seminars/archived-banner";
import { LocalTime } from "@/components/local-time";
import { Markdown } from "@/components/markdown";
import { secondaryButton } from "@/components/ui/button-styles";
import { explainRemaining } from "@/lib/assignments/rule";
import { getDashboard } from "@/lib/assignments/get-dashboard.server";
import { getParticipation } from "@/lib/assignments/get-participation.server";
import { getSessionUser, requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { loadSeminar } from "../../load-seminar";
import { ActivityChart } from "./activity-chart";
import { AssignmentControls } from "./assignment-controls";
import { ExtendDueDateForm } from "./extend-due-date-form";
import { HeatMap } from "./heat-map";
import { LiveDashboard } from "./live-dashboard";
import { loadAssignment } from "./load-assignment";
import { ParticipationTable } from "./participation-table";

type Props = { params: Promise<{ id: string; assignmentId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, assignmentId } = await params;
  const user = await getSessionUser();
  const assignment = user ? await loadAssignment(id, assignmentId, user.id) : null;
  return { title: assignment?.title ?? "Assignment not found" };
}

const card = "rounded-xl border border-line bg-card p-6 shadow-xs";
const cardHeading = "font-serif text-xl font-semibold text-ink";

/**
 * One assignment: its prompt and passage for everyone it is given to; a student's own progress; for instructors,
 * who has taken part (the dashboard), its CSV, and editing, closing, extending and deleting it.
 */
export default async function AssignmentPage({ params }: Props) {
  const { id, assignmentId } = await params;
  // The layout checked already; repeated so the page is safe on its own (cached per request).
  const user = await requireUser(`/seminars/${id}/assignments/${assignmentId}`);
  const assignment = await loadAssignment(id, assignmentId, user.id);
  const seminar = await loadSeminar(id, user.id);
  if (!assignment || !seminar) notFound();
  const isInstructor = assignment.role === "instructor";
  // An archived seminar's assignments can be read and downloaded, not changed (the actions refuse too).
  const canChange = isInstructor && !seminar.archived;
  const db = getDb();
  const now = new Date();
  const dashboard = isInstructor ? await getDashboard(db, { seminarId: id, assignmentId, userId: user.id, now }) : null;
  const mine = isInstructor ? null : (await getParticipation(db, { assignment, now, studentId: user.id })).rows[0];
  const base = `/seminars/${id}/assignments/${assignmentId}`;
  const readHref = `/seminars/${id}/essays/${assignment.essay.slug}?assignment=${assignment.id}#p-${assignment.startParagraphId}`;

  return (
    <main className="mx-auto w-full max-w-[78rem] px-4 py-10 sm:px-6 md:pl-16">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/seminars/${id}`} className="text-muted underline-offset-2 hover:text-accent hover:underline">
          ← {seminar.name}
        </Link>
      </nav>
      <header className="mt-4">
        <p className="text-sm font-medium uppercase tracking-wide text-accent">Assignment · {assignment.essay.title}</p>
        <h1 className="mt-1 font-serif text-3xl font-semibold leading-tight text-ink sm:text-4xl">{assignment.title}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-muted">
          <span>
            Opens <LocalTime at={assignment.opensAt} />
          </span>
          <span aria-hidden="true">·</span>
          <span>
            {mine?.extendedTo && assignment.myDueAt > assignment.dueAt ? "Extended for you to " : "Due "}
            <LocalTime at={assignment.myDueAt} />
          </span>
          {assignment.closedAt ? (
            <>
              <span aria-hidden="true">·</span>
              <span className="rounded-full bg-line/60 px-2 py-0.5 text-xs font-medium text-muted ring-1 ring-line">
                Closed <LocalTime at={assignment.closedAt} short />
              </span>
            </>
          ) : null}
        </p>
      </header>
      {seminar.archived ? <ArchivedBanner seminarId={id} isInstructor={isInstructor} /> : null}

      <div className="mt-8 grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="prompt-heading" className={card}>
            <h2 id="prompt-heading" className={cardHeading}>
              Prompt
            </h2>
            <Markdown source={assignment.prompt} className="mt-3 flex flex-col gap-3 text-ink [&_a]:text-accent [&_a]:underline [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6" />
          </section>
          <section aria-labelledby="passage-heading" className={card}>
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <h2 id="passage-heading" className={cardHeading}>
                The passage
              </h2>
              <Link href={readHref} className="text-sm font-medium text-accent underline-offset-2 hover:underline">
                Read and annotate it in the essay →
              </Link>
            </div>
            {/* Focusable so a keyboard can scroll a long passage. */}
            <blockquote tabIndex={0} aria-label="The assigned passage" className="prose-essay mt-4 max-h-[28rem] overflow-y-auto border-l-4 border-accent/40 pl-4 text-ink">
              {assignment.quote.split("\n\n").map((paragraph, i, all) => (
                <p key={i} className="mt-3 first:mt-0">
                  {i === 0 && assignment.cut.atStart ? "…" : null}
                  {paragraph}
                  {i === all.length - 1 && assignment.cut.atEnd ? "…" : null}
                </p>
              ))}
            </blockquote>
          </section>
        </div>

        <aside className="flex flex-col gap-6">
          {mine ? (
            <section aria-labelledby="progress-heading" className={card}>
              <div className="flex items-center justify-between gap-3">
                <h2 id="progress-heading" className={cardHeading}>
                  Your progress
                </h2>
                <StatusBadge status={mine.status} />
              </div>
              <p className="mt-2 text-sm text-muted">Done means {assignment.ruleText}.</p>
              <dl className="mt-4 grid grid-cols-3 gap-3 text-center">
                <Count label="Notes" value={mine.notes} of={assignment.rule.notes} />
                <Count label="Replies" value={mine.replies} of={assignment.rule.replies} />
                <Count label="Words" value={mine.words} />
              </dl>
              <p className="mt-4 text-sm text-ink">
                {mine.status === "done"
                  ? "Done: you met the rule in time."
                  : mine.metAt
                    ? "You met the rule after the due time."
                    : mine.status === "late"
                      ? `The due time has passed. Still missing: ${explainRemaining(mine, assignment.rule)}.`
                      : `Still to do: ${explainRemaining(mine, assignment.rule)}.`}
              </p>
              {assignment.closedAt ? <p className="mt-2 text-sm text-muted">This assignment is closed: what you write now no longer counts toward it.</p> : null}
            </section>
          ) : null}

          {dashboard ? (
            <section aria-labelledby="manage-heading" className={card}>
              <h2 id="manage-heading" className={cardHeading}>
                Manage
              </h2>
              <p className="mt-1 text-sm text-muted">
                For {assignment.audience === "everyone" ? "the whole seminar" : `${assignment.studentIds.length} chosen ${assignment.studentIds.length === 1 ? "student" : "students"}`}.
                Done means {assignment.ruleText}.
              </p>
              <div className="mt-4 flex flex-wrap gap-2">
                {canChange ? (
                  <Link href={`${base}/edit`} className={`${secondaryButton} text-sm`}>
                    Edit
                  </Link>
                ) : null}
                <a href={`${base}/participation.csv`} className={`${secondaryButton} text-sm`} download>
                  Download CSV
                </a>
                <Link href={`/seminars/${id}/essays/${assignment.essay.slug}/export-discussion?assignment=${assignment.id}`} className={`${secondaryButton} text-sm`}>
                  Export the threads…
                </Link>
              </div>
              {canChange ? (
                <div className="mt-4 border-t border-line pt-4">
                  <AssignmentControls seminarId={id} assignmentId={assignmentId} title={assignment.title} closed={assignment.closedAt !== null} />
                </div>
              ) : null}
            </section>
          ) : null}
        </aside>
      </div>

      {dashboard ? (
        <>
          <section aria-labelledby="participation-heading" className="mt-10">
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                <h2 id="participation-heading" className="font-serif text-2xl font-semibold text-ink">
                  Who has taken part
                </h2>
                <LiveDashboard eventsUrl={`${base}/events`} version={dashboard.version} />
              </div>
              <a href={`${base}/participation.csv`} className="text-sm font-medium text-accent underline-offset-2 hover:underline" download>
                Download as CSV
              </a>
            </div>
            <ParticipationTable
              rows={dashboard.rows.map(({ student: { id: studentId, name }, ...row }) => ({ ...row, student: { id: studentId, name } }))}
              rule={dashboard.rule}
              ruleText={dashboard.ruleText}
            />
          </section>
          <section aria-labelledby="where-heading" className="mt-10 grid grid-cols-1 gap-8 lg:grid-cols-[20rem_minmax(0,1fr)]">
            <div>
              <h2 id="where-heading" className="font-serif text-2xl font-semibold text-ink">
                Where they wrote
              </h2>
              <p className="mb-3 mt-1 text-sm text-muted">The essay in miniature, each paragraph shaded by the notes and comments of students given this assignment.</p>
              <HeatMap heatMap={dashboard.heatMap} passageParagraphIds={dashboard.passageParagraphIds} readHref={readHref.split("#")[0]} />
            </div>
            <div>
              <h2 className="font-serif text-2xl font-semibold text-ink">When they wrote</h2>
              <p className="mb-3 mt-1 text-sm text-muted">What counts toward the assignment, in the passage, by when the server received it.</p>
              <ActivityChart timeline={dashboard.timeline} dueAt={assignment.dueAt} now={now} />
            </div>
          </section>
          {canChange && dashboard.rows.length > 0 ? (
            <section aria-labelledby="extend-heading" className={`${card} mt-8 max-w-3xl`}>
              <h2 id="extend-heading" className={cardHeading}>
                Extend the due date for one student
              </h2>
              <div className="mt-4">
                <ExtendDueDateForm seminarId={id} assignmentId={assignmentId} students={dashboard.rows.map((row) => ({ id: row.student.id, name: row.student.name, dueAt: row.dueAt }))} />
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </main>
  );
}

function Count({ label, value, of }: { label: string; value: number; of?: number }) {
  return (
    <div className="rounded-lg bg-paper px-2 py-3 ring-1 ring-line">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted">{label}</dt>
      <dd className="mt-1 font-serif text-2xl font-semibold text-ink">
        {value}
        {of !== undefined && of > 0 ? <span className="text-base font-normal text-muted"> / {of}</span> : null}
      </dd>
    </div>
  );
}

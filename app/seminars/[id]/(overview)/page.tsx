import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchivedBanner } from "@/components/seminars/archived-banner";
import { RoleBadge } from "@/components/seminars/role-badge";
import { getSessionUser, requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { getEssays } from "@/lib/essays/get-essays.server";
import { requestOrigin } from "@/lib/http/request-origin.server";
import { AddEssayForm } from "./add-essay-form";
import { AddTagForm } from "./add-tag-form";
import { CopyButton } from "./copy-button";
import { InviteControls } from "./invite-controls";
import { MemberList } from "./member-list";
import { RemovedList } from "./removed-list";
import { ReadingList } from "./reading-list";
import { SeminarSettings } from "./seminar-settings";
import { loadSeminar } from "../load-seminar";
import { AssignmentsSection } from "./assignments-section";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await getSessionUser();
  const seminar = user ? await loadSeminar((await params).id, user.id) : null;
  return { title: seminar?.name ?? "Seminar not found" };
}

/** Codes are stored without separators; shown in two groups of four so they can be read aloud. */
function spacedCode(code: string) {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

const card = "rounded-xl border border-line bg-card p-6 shadow-xs";
const cardHeading = "font-serif text-xl font-semibold text-ink";

export default async function SeminarPage({ params }: Props) {
  const { id } = await params;
  // The layout checked both already; repeated so the page is safe on its own (both are cached per request).
  const user = await requireUser(`/seminars/${id}`);
  const seminar = await loadSeminar(id, user.id);
  if (!seminar) notFound();
  const isInstructor = seminar.role === "instructor";
  // An archived seminar is read-only for everyone: no control that changes it is offered (the server refuses them too).
  const canEdit = isInstructor && !seminar.archived;

  const onList = new Set(seminar.essays.map((essay) => essay.id));
  const choices = canEdit ? (await getEssays(getDb())).filter((essay) => !onList.has(essay.id)) : [];
  const origin = seminar.invite?.code ? await requestOrigin() : "";
  const inviteLink = seminar.invite?.code ? `${origin}/join/${seminar.invite.code}` : null;

  return (
    <main className="mx-auto w-full max-w-[78rem] px-4 py-10 sm:px-6 md:pl-16">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/seminars" className="text-muted underline-offset-2 hover:text-accent hover:underline">
          ← Your seminars
        </Link>
      </nav>
      <header className="mt-4">
        <h1 className="font-serif text-3xl font-semibold leading-tight text-ink sm:text-4xl">{seminar.name}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-muted">
          <span>{seminar.term}</span>
          <span aria-hidden="true">·</span>
          <span className="sr-only">Your role:</span>
          <RoleBadge role={seminar.role} />
        </p>
      </header>
      {seminar.archived ? <ArchivedBanner seminarId={seminar.id} isInstructor={isInstructor} /> : null}

      <div className="mt-10 grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-8">
          <AssignmentsSection seminarId={seminar.id} role={seminar.role} userId={user.id} hasEssays={seminar.essays.length > 0} archived={seminar.archived} />
          <ReadingList seminarId={seminar.id} essays={seminar.essays} isInstructor={isInstructor} canRemove={canEdit} />

          {canEdit ? (
            <section aria-labelledby="add-essay-heading" className={card}>
              <h2 id="add-essay-heading" className={cardHeading}>
                Add an essay
              </h2>
              <p className="mb-4 mt-1 text-sm text-muted">
                From the library, or{" "}
                <Link href={`/essays/new?seminar=${seminar.id}`} className="text-accent underline underline-offset-2">
                  import a new essay
                </Link>{" "}
                onto this list. Members read and annotate it in the seminar&rsquo;s own margin.
              </p>
              <AddEssayForm seminarId={seminar.id} choices={choices.map(({ id, title, author }) => ({ id, title, author }))} />
            </section>
          ) : null}
        </div>

        <div className="flex flex-col gap-6">
          {seminar.invite && !seminar.archived ? (
            <section aria-labelledby="invite-heading" className={card}>
              <h2 id="invite-heading" className={cardHeading}>
                Invite students
              </h2>
              {seminar.invite.code && inviteLink ? (
                <>
                  <p className="mt-1 text-sm text-muted">Anyone with the link or the code can join as a student.</p>
                  <p className="mt-4 text-sm font-medium text-ink">Code</p>
                  <p className="mt-1 font-mono text-3xl font-semibold tracking-[0.12em] text-ink" aria-label={`Invite code ${seminar.invite.code.split("").join(" ")}`}>
                    {spacedCode(seminar.invite.code)}
                  </p>
                  <p className="mt-4 text-sm font-medium text-ink">Link</p>
                  {/* <wbr>: a narrow card breaks the link before /join/, not inside the code. */}
                  <p className="mt-1 rounded-md bg-paper px-3 py-2 font-mono text-sm text-ink ring-1 ring-line [overflow-wrap:anywhere]">
                    {origin}
                    <wbr />
                    /join/{seminar.invite.code}
                  </p>
                  <div className="mt-3 flex flex-wrap gap-2">
                    <CopyButton text={inviteLink} label="Copy link" />
                    <CopyButton text={seminar.invite.code} label="Copy code" />
                  </div>
                </>
              ) : (
                <p className="mt-1 text-sm text-muted">Invites are off: nobody can join until you make a new code.</p>
              )}
              <div className="mt-5 border-t border-line pt-4">
                <InviteControls seminarId={seminar.id} hasCode={seminar.invite.code !== null} />
              </div>
            </section>
          ) : null}

          <section aria-labelledby="members-heading" className={card}>
            <MemberList seminarId={seminar.id} seminarName={seminar.name} members={seminar.members} meId={user.id} canRemove={canEdit} />
            {canEdit ? <RemovedList seminarId={seminar.id} removed={seminar.removed} /> : null}
          </section>

          <section aria-labelledby="tags-heading" className={card}>
            <h2 id="tags-heading" className={cardHeading}>
              Tags
            </h2>
            <p className="mt-1 text-sm text-muted">Members can put these on their comments.</p>
            <ul className="mt-3 flex flex-wrap gap-2" aria-label="Tags">
              {seminar.tags.builtIn.map((tag) => (
                <li key={tag} className="rounded-full bg-paper px-2.5 py-0.5 text-sm text-muted ring-1 ring-line" title="Built in: every seminar has it">
                  {tag}
                </li>
              ))}
              {seminar.tags.own.map((tag) => (
                <li key={tag} className="rounded-full bg-accent/10 px-2.5 py-0.5 text-sm text-accent-strong ring-1 ring-accent/25">
                  {tag}
                </li>
              ))}
            </ul>
            <p className="mt-2 text-xs text-muted">
              {seminar.tags.own.length === 0 ? "Only the built-in tags so far." : "Grey tags are built in; coloured ones are this seminar’s own."}
            </p>
            {canEdit ? (
              <div className="mt-4 border-t border-line pt-4">
                <AddTagForm seminarId={seminar.id} />
              </div>
            ) : null}
          </section>

          {isInstructor ? <SeminarSettings seminar={seminar} /> : null}
        </div>
      </div>
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchivedBanner } from "@/components/seminars/archived-banner";
import { listPassageChoices } from "@/lib/assignments/list-passage-choices.server";
import { passageFromLink } from "@/lib/assignments/passage-from-link.server";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { loadSeminar } from "../../load-seminar";
import { AssignmentForm } from "../assignment-form";
import { createAssignmentAction } from "../create-assignment-action";

export const metadata: Metadata = { title: "New assignment" };

/** An instructor assigns a passage of an essay on the reading list; anyone else gets 404. */
export default async function NewAssignmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const user = await requireUser(`/seminars/${id}/assignments/new`);
  const seminar = await loadSeminar(id, user.id);
  if (seminar?.role !== "instructor") notFound();
  const choices = await listPassageChoices(getDb(), { seminarId: id, userId: user.id });
  // Words selected in the reader (lib/client/use-selected-passage.ts) arrive in the link.
  const selection = await passageFromLink(getDb(), { seminarId: id, link: await searchParams });

  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/seminars/${id}`} className="text-muted underline-offset-2 hover:text-accent hover:underline">
          ← {seminar.name}
        </Link>
      </nav>
      <h1 className="mt-4 font-serif text-3xl font-semibold text-ink">New assignment</h1>
      <p className="mt-1 text-muted">Assign a passage to discuss. Students see it on the seminar page, with its due date in their own time zone.</p>
      {seminar.archived ? (
        <ArchivedBanner seminarId={id} isInstructor />
      ) : (
        <div className="mt-8 rounded-xl border border-line bg-card p-6 shadow-xs">
          {choices.essays.length === 0 ? (
            <p className="text-muted">
              The reading list is empty. <Link href={`/seminars/${id}`} className="text-accent underline underline-offset-2">Add an essay</Link> first: an assignment is a passage of one.
            </p>
          ) : (
            <AssignmentForm seminarId={id} choices={choices} selection={selection} action={createAssignmentAction} />
          )}
        </div>
      )}
    </main>
  );
}

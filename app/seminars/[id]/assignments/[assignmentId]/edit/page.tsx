import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchivedBanner } from "@/components/seminars/archived-banner";
import { listPassageChoices } from "@/lib/assignments/list-passage-choices.server";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { loadSeminar } from "../../../load-seminar";
import { AssignmentForm } from "../../assignment-form";
import { loadAssignment } from "../load-assignment";
import { editAssignmentAction } from "./edit-assignment-action";

export const metadata: Metadata = { title: "Edit assignment" };

type Props = { params: Promise<{ id: string; assignmentId: string }> };

/** An instructor changes an assignment; students and everyone else get 404. */
export default async function EditAssignmentPage({ params }: Props) {
  const { id, assignmentId } = await params;
  const user = await requireUser(`/seminars/${id}/assignments/${assignmentId}/edit`);
  const assignment = await loadAssignment(id, assignmentId, user.id);
  if (assignment?.role !== "instructor") notFound();
  const archived = (await loadSeminar(id, user.id))?.archived ?? false;
  const choices = await listPassageChoices(getDb(), { seminarId: id, userId: user.id });
  const last = choices.essays.find((e) => e.id === assignment.essay.id)?.paragraphs.find((p) => p.id === assignment.endParagraphId);
  const wholeParagraphs = assignment.startOffset === 0 && assignment.endOffset === last?.length;

  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/seminars/${id}/assignments/${assignmentId}`} className="text-muted underline-offset-2 hover:text-accent hover:underline">
          ← {assignment.title}
        </Link>
      </nav>
      <h1 className="mt-4 font-serif text-3xl font-semibold text-ink">Edit assignment</h1>
      <p className="mt-1 text-muted">Changes apply at once: every student&rsquo;s status is counted again by the new passage, dates and rule.</p>
      {archived ? (
        <ArchivedBanner seminarId={id} isInstructor />
      ) : (
        <div className="mt-8 rounded-xl border border-line bg-card p-6 shadow-xs">
          <AssignmentForm
            seminarId={id}
            choices={choices}
            action={editAssignmentAction}
            initial={{
              assignmentId,
              title: assignment.title,
              prompt: assignment.prompt,
              essayId: assignment.essay.id,
              startParagraphId: assignment.startParagraphId,
              endParagraphId: assignment.endParagraphId,
              offsets: wholeParagraphs ? null : { startOffset: assignment.startOffset, endOffset: assignment.endOffset },
              opensAt: assignment.opensAt,
              dueAt: assignment.dueAt,
              audience: assignment.audience,
              studentIds: assignment.studentIds,
              rule: assignment.rule,
            }}
          />
        </div>
      )}
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchivedBanner } from "@/components/seminars/archived-banner";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { countUnanchoredElsewhere } from "@/lib/essays/count-unanchored-elsewhere.server";
import { listNotesToReview } from "@/lib/essays/list-notes-to-review.server";
import { countSeminarsKeepingFromRevising, keptFromRevisingMessage } from "@/lib/essays/seminars-kept-from-revising.server";
import { loadSeminarEssay } from "../load-seminar-essay";
import { ReviseEssayForm } from "./revise-essay-form";

export const metadata: Metadata = { title: "Revise essay" };

type Props = { params: Promise<{ id: string; slug: string }>; searchParams: Promise<{ saved?: string | string[] }> };

/**
 * An instructor revises the essay's text (the layout has already checked membership); anyone else gets 404.
 * Below the form, the notes in this seminar's room that the essay as it stands leaves uncertain or unanchored, and
 * how many notes in other rooms on the essay it leaves unanchored (only a count: those rooms are not this seminar's).
 */
export default async function ReviseEssayPage({ params, searchParams }: Props) {
  const { id, slug } = await params;
  const user = await requireUser(`/seminars/${id}/essays/${slug}/revise`);
  const found = await loadSeminarEssay(id, slug, user.id);
  if (!found || found.role !== "instructor") notFound();
  const { essay, seminar } = found;
  const saved = (await searchParams).saved === "1";
  const [toReview, unanchoredElsewhere, othersReading] = await Promise.all([
    listNotesToReview(getDb(), { seminarId: id, essayId: essay.id, userId: user.id }),
    countUnanchoredElsewhere(getDb(), { seminarId: id, essayId: essay.id, userId: user.id }),
    countSeminarsKeepingFromRevising(getDb(), { essayId: essay.id, userId: user.id }),
  ]);
  const reader = `/seminars/${id}/essays/${slug}`;

  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={reader} className="text-muted underline-offset-2 hover:text-accent hover:underline">
          ← {essay.title}
        </Link>
      </nav>
      <h1 className="mt-4 font-serif text-3xl font-semibold text-ink">Revise “{essay.title}”</h1>
      <p className="mt-1 text-muted">
        Fix a typo, split or insert a paragraph. Notes follow their words; those that cannot be placed with confidence are listed below
        for you to check, and readers see unanchored ones in their own section. The essay's public room sees the revised text too.
      </p>
      {saved ? (
        <p role="status" className="mt-6 rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Revision saved.
        </p>
      ) : null}

      <section aria-labelledby="review-heading" className="mt-8">
        <h2 id="review-heading" className="text-lg font-semibold text-ink">
          Notes to review ({toReview.length})
        </h2>
        {toReview.length === 0 ? (
          <p className="mt-2 text-sm text-muted">Every note in this seminar sits on its words.</p>
        ) : (
          <ul className="mt-3 flex flex-col gap-3">
            {toReview.map(({ annotation, outcome, reason }) => (
              <li key={annotation.id} className="rounded-lg border border-line bg-card p-3 text-sm">
                <p className="font-medium text-ink">
                  {outcome === "review" ? "Re-attached, check it" : "Unanchored"}: {reason}
                </p>
                <p className="mt-1 font-serif italic text-ink/80">
                  {annotation.selector ? `“${annotation.selector[0].exact}”` : "On a whole paragraph"} — {annotation.authorName}
                </p>
                <Link href={`${reader}#thread-${annotation.id}`} className="mt-1 inline-block text-accent underline underline-offset-2">
                  Open in the reader
                </Link>
              </li>
            ))}
          </ul>
        )}
        {unanchoredElsewhere > 0 ? (
          <p className="mt-3 text-sm text-muted">
            Outside this seminar, {unanchoredElsewhere === 1 ? "1 note" : `${unanchoredElsewhere} notes`} on this essay (in other seminars, the open
            room or readers&rsquo; private notes) could not be placed either. Their readers find them under Unanchored notes.
          </p>
        ) : null}
      </section>

      {seminar.archived ? (
        <ArchivedBanner seminarId={id} isInstructor />
      ) : othersReading > 0 ? (
        <div role="note" className="mt-8 rounded-xl border border-amber-300 bg-amber-50 p-5 text-sm text-amber-950">
          <p>{keptFromRevisingMessage(othersReading)}</p>
          <Link href="/essays/new" className="mt-3 inline-block font-medium text-accent underline underline-offset-2">
            Import an essay
          </Link>
        </div>
      ) : (
        <div className="mt-8 rounded-xl border border-line bg-card p-6 shadow-xs">
          <ReviseEssayForm seminarId={id} essayId={essay.id} slug={slug} text={essay.paragraphs.map((p) => p.text).join("\n\n")} />
        </div>
      )}
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { loadSeminarEssay } from "../load-seminar-essay";
import { ImportForm } from "./import-form";

type Props = { params: Promise<{ id: string; slug: string }> };

export const metadata: Metadata = { title: "Import a discussion" };

/** For the seminar's instructors: bring in a discussion exported from another seminar or another Gloss. */
export default async function ImportDiscussionPage({ params }: Props) {
  const { id, slug } = await params;
  const user = await requireUser(`/seminars/${id}/essays/${slug}/import-discussion`);
  const found = await loadSeminarEssay(id, slug, user.id);
  // Students are told it does not exist, as the route tells them.
  if (!found || found.role !== "instructor") notFound();
  const { essay, seminar, readOnly } = found;
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/seminars/${id}/essays/${slug}`} className="text-muted underline-offset-2 hover:text-accent hover:underline">
          ← {essay.title}
        </Link>
      </nav>
      <header className="mt-4">
        <p className="text-sm font-medium uppercase tracking-wide text-accent">{seminar.name}</p>
        <h1 className="mt-1 font-serif text-3xl font-semibold leading-tight text-ink">Import a discussion</h1>
        <p className="mt-2 text-muted">
          Bring threads exported from another seminar (or another Gloss) as Web Annotation JSON-LD into this seminar&apos;s discussion of the essay. Each thread is
          anchored to the same words. Members of this seminar are shown by their names, everyone else as &ldquo;imported: <em>name</em>&rdquo;; the imported threads are yours to edit, and count toward no student&apos;s assignment. Importing the same
          file again adds nothing.
        </p>
      </header>
      {readOnly ? (
        <p role="status" className="mt-8 rounded-lg border border-line bg-card px-4 py-3 text-ink">
          This seminar is archived: nothing can be added to it until it is unarchived.
        </p>
      ) : (
        <ImportForm importUrl={`/seminars/${id}/essays/${slug}/import`} essayUrl={`/seminars/${id}/essays/${slug}`} />
      )}
    </main>
  );
}

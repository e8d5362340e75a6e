import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { listExportAssignments } from "@/lib/export/list-export-assignments.server";
import { loadSeminarEssay } from "../load-seminar-essay";
import { ExportForm } from "./export-form";

type Props = { params: Promise<{ id: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Export the discussion" };

const first = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * Choosing what to export of a seminar's discussion of an essay, and downloading it. The reader, the seminar page
 * and an assignment's dashboard link here with the scope filled in (`?assignment=…`, `?from=…&to=…`).
 */
export default async function ExportDiscussionPage({ params, searchParams }: Props) {
  const { id, slug } = await params;
  const preset = await searchParams;
  const user = await requireUser(`/seminars/${id}/essays/${slug}/export-discussion`);
  const found = await loadSeminarEssay(id, slug, user.id);
  if (!found) notFound();
  const { essay, role, seminar } = found;
  const assignments = await listExportAssignments(getDb(), { seminarId: id, essayId: essay.id, role, userId: user.id, now: new Date() });

  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/seminars/${id}/essays/${slug}`} className="text-muted underline-offset-2 hover:text-accent hover:underline">
          ← {essay.title}
        </Link>
      </nav>
      <header className="mt-4">
        <p className="text-sm font-medium uppercase tracking-wide text-accent">{seminar.name}</p>
        <h1 className="mt-1 font-serif text-3xl font-semibold leading-tight text-ink">Export the discussion</h1>
        <p className="mt-2 text-muted">
          Every thread leaves whole: the quoted words, the comment that opened it and each reply under it, with authors, dates, tags and reactions.
        </p>
      </header>
      <ExportForm
        exportUrl={`/seminars/${id}/essays/${slug}/export`}
        isInstructor={role === "instructor"}
        paragraphCount={essay.paragraphs.length}
        members={seminar.members.map((m) => ({ id: m.id, name: m.name }))}
        assignments={assignments}
        preset={{ assignment: first(preset.assignment), from: first(preset.from), to: first(preset.to), member: first(preset.member), format: first(preset.format) }}
      />
      {role === "instructor" && !found.readOnly ? (
        <p className="mt-10 text-sm text-muted">
          Have a discussion exported from another seminar?{" "}
          <Link href={`/seminars/${id}/essays/${slug}/import-discussion`} className="font-medium text-accent underline-offset-2 hover:underline">
            Import it into this one…
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="private-heading" className="mt-12 border-t border-line pt-6">
        <h2 id="private-heading" className="font-serif text-xl font-semibold text-ink">
          Your private notes
        </h2>
        <p className="mt-1 text-sm text-muted">Only you can see them, in every seminar; they are not in the export above.</p>
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {(
            [
              ["md", "Markdown"],
              ["csv", "CSV"],
              ["jsonld", "JSON-LD"],
              ["html", "Print view"],
            ] as const
          ).map(([format, label]) => (
            <a key={format} href={`/essays/${slug}/export?format=${format}`} className="font-medium text-accent underline-offset-2 hover:underline" {...(format === "html" ? { target: "_blank", rel: "noopener" } : { download: true })}>
              {label}
            </a>
          ))}
        </p>
      </section>
    </main>
  );
}

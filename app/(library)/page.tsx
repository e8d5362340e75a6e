import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client.server";
import { getEssays } from "@/lib/essays/get-essays.server";

export const metadata: Metadata = { title: "Library" };

export default async function LibraryPage() {
  const essays = await getEssays(getDb());
  return (
    <main className="mx-auto w-full max-w-[78rem] px-4 py-10 sm:px-6 md:pl-16">
      <h1 className="font-serif text-3xl font-semibold text-ink">Library</h1>
      <p className="mt-1 text-muted">Open an essay to read it with your seminar. Everyone&rsquo;s notes appear in the margin as they write them.</p>
      {essays.length === 0 ? (
        <p className="mt-10 rounded-lg border border-dashed border-line px-6 py-10 text-center text-muted">
          No essays yet. Once one is imported, it appears here.
        </p>
      ) : (
        <ul className="mt-8 grid gap-5 sm:grid-cols-2 lg:grid-cols-3" aria-label="Essays">
          {essays.map((essay) => (
            <li key={essay.id}>
              <Link
                href={`/essays/${essay.slug}`}
                className="group flex h-full flex-col rounded-xl border border-line bg-card p-6 shadow-xs transition hover:border-accent/40 hover:shadow-md"
              >
                <h2 className="font-serif text-xl font-semibold leading-snug text-ink group-hover:text-accent-strong">{essay.title}</h2>
                <p className="mt-2 text-sm text-muted">
                  {[essay.author, essay.source].filter(Boolean).join(" · ") || "Unknown author"}
                </p>
                <p className="mt-auto pt-4 text-sm text-muted">
                  {essay.paragraphCount} {essay.paragraphCount === 1 ? "paragraph" : "paragraphs"}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { PublicRoomIcon } from "@/components/reading/icons";
import { primaryButton } from "@/components/ui/button-styles";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { getEssays } from "@/lib/essays/get-essays.server";
import { listImportSeminars } from "@/lib/essays/list-import-seminars.server";
import { mySeminarRooms } from "@/lib/essays/my-seminar-rooms.server";

export const metadata: Metadata = { title: "Library" };

export default async function LibraryPage() {
  const user = await requireUser();
  const essays = await getEssays(getDb());
  const rooms = await mySeminarRooms(getDb(), { userId: user.id });
  const canImport = (await listImportSeminars(getDb(), { userId: user.id })).length > 0;
  return (
    <main className="mx-auto w-full max-w-[78rem] px-4 py-10 sm:px-6 md:pl-16">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-semibold text-ink">Library</h1>
        {canImport ? (
          <Link href="/essays/new" className={primaryButton}>
            Import an essay
          </Link>
        ) : null}
      </div>
      <p className="mt-1 max-w-[65ch] text-muted">
        Read an essay with your seminar: only its members see the notes there. Each essay also has a public room, where
        everyone signed in to Gloss reads and writes together.
      </p>
      {essays.length === 0 ? (
        <p className="mt-10 rounded-lg border border-dashed border-line px-6 py-10 text-center text-muted">
          No essays yet. Once an instructor imports one, it appears here.
        </p>
      ) : (
        <ul className="mt-8 grid gap-5 sm:grid-cols-2 lg:grid-cols-3" aria-label="Essays">
          {essays.map((essay) => {
            const seminars = rooms.get(essay.id) ?? [];
            const publicHref = `/essays/${essay.slug}`;
            return (
              <li key={essay.id} className="flex h-full flex-col rounded-xl border border-line bg-card p-6 shadow-xs">
                <h2 className="font-serif text-xl font-semibold leading-snug text-ink">
                  <Link href={seminars[0]?.href ?? publicHref} className="hover:text-accent-strong">
                    {essay.title}
                  </Link>
                </h2>
                <p className="mt-2 text-sm text-muted">
                  {[essay.author, essay.source].filter(Boolean).join(" · ") || "Unknown author"} · {essay.paragraphCount}{" "}
                  {essay.paragraphCount === 1 ? "paragraph" : "paragraphs"}
                </p>
                <div className="mt-auto flex flex-col items-start gap-2 pt-5 text-sm">
                  {seminars.map((seminar, i) => (
                    <Link
                      key={seminar.seminarId}
                      href={seminar.href}
                      className={
                        i === 0 && !seminar.archived
                          ? "rounded-md bg-accent px-3 py-1.5 font-medium text-white hover:bg-accent-strong"
                          : "font-medium text-accent underline-offset-2 hover:underline"
                      }
                    >
                      Read with {seminar.name}
                      {seminar.archived ? <span className="font-normal text-muted"> (archived)</span> : null}
                    </Link>
                  ))}
                  <Link
                    href={publicHref}
                    aria-label={`${seminars.length > 0 ? "Public room" : "Read in the public room"}: everyone signed in to Gloss`}
                    className="inline-flex items-center gap-1.5 text-muted underline-offset-2 hover:text-ink hover:underline"
                  >
                    <PublicRoomIcon />
                    {seminars.length > 0 ? "Public room" : "Read in the public room"}
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

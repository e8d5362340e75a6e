import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { listImportSeminars } from "@/lib/essays/list-import-seminars.server";
import { ImportEssayForm } from "./import-essay-form";

export const metadata: Metadata = { title: "Import an essay" };

type Props = { searchParams: Promise<{ seminar?: string | string[] }> };

export default async function ImportEssayPage({ searchParams }: Props) {
  const user = await requireUser("/essays/new");
  const seminars = await listImportSeminars(getDb(), { userId: user.id });
  const asked = (await searchParams).seminar;
  const seminarId = seminars.find((seminar) => seminar.id === asked)?.id ?? null;
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <header>
        <h1 className="font-serif text-3xl font-semibold text-ink">Import an essay</h1>
        <p className="mt-1 max-w-[65ch] text-muted">
          Paste the essay, upload a file or give its web address. You see what Gloss read before anything is saved, and can
          correct the title and author.
        </p>
      </header>
      {seminars.length === 0 ? (
        <p className="rounded-xl border border-line bg-card px-6 py-6 text-ink shadow-xs">
          Only instructors can import essays. Once you{" "}
          <Link href="/seminars" className="text-accent underline underline-offset-2">
            create a seminar
          </Link>{" "}
          (or teach one that is not archived), you can import essays for it here.
        </p>
      ) : (
        <ImportEssayForm seminars={seminars} defaultSeminarId={seminarId} />
      )}
    </main>
  );
}

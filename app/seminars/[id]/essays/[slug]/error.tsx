"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useEffect } from "react";

export default function SeminarEssayError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { id } = useParams<{ id: string }>();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto w-full max-w-xl px-4 py-16 text-center">
      <h1 className="font-serif text-2xl font-semibold text-ink">This essay could not be opened</h1>
      <p className="mt-2 text-muted">Something went wrong while loading it. The seminar&rsquo;s notes are safe; try again in a moment.</p>
      <div className="mt-6 flex items-center justify-center gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong">
          Try again
        </button>
        <Link href={`/seminars/${id}`} className="text-accent underline underline-offset-2">
          Back to the seminar
        </Link>
      </div>
    </main>
  );
}

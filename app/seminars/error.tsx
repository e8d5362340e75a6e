"use client";

import Link from "next/link";
import { useEffect } from "react";

export default function SeminarsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto w-full max-w-xl px-4 py-16 text-center">
      <h1 className="font-serif text-2xl font-semibold text-ink">This seminar page could not be loaded</h1>
      <p className="mt-2 text-muted">
        Something went wrong on our side. Try again in a moment.
        {error.digest ? (
          <>
            {" "}
            If it keeps happening, mention the code <code className="rounded bg-line px-1">{error.digest}</code>.
          </>
        ) : null}
      </p>
      <div className="mt-6 flex items-center justify-center gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong">
          Try again
        </button>
        <Link href="/seminars" className="text-accent underline underline-offset-2">
          Your seminars
        </Link>
      </div>
    </main>
  );
}

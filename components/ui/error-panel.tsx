"use client";

import Link from "next/link";
import { useEffect, type ReactNode } from "react";

type ErrorPanelProps = {
  error: Error & { digest?: string };
  reset: () => void;
  title: string;
  /** What went wrong and what is safe, in the words of the page that failed. */
  message: ReactNode;
  /** Where to go instead; none on the root error page, whose header already links everywhere. */
  back?: { href: string; label: string };
};

/**
 * What every error page shows: the same layout, a Try again button, the digest to quote (the server logs the
 * error under it; the text itself is never shown), and a way back. Each route's error.tsx only chooses the words.
 */
export function ErrorPanel({ error, reset, title, message, back }: ErrorPanelProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto w-full max-w-xl px-4 py-16 text-center">
      <h1 className="font-serif text-2xl font-semibold text-ink">{title}</h1>
      <p className="mt-2 text-muted">
        {message}
        {error.digest ? (
          <>
            {" "}
            If you report it, mention the code <code className="rounded bg-line px-1">{error.digest}</code>.
          </>
        ) : null}
      </p>
      <div className="mt-6 flex items-center justify-center gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong">
          Try again
        </button>
        {back ? (
          <Link href={back.href} className="text-accent underline underline-offset-2">
            {back.label}
          </Link>
        ) : null}
      </div>
    </main>
  );
}

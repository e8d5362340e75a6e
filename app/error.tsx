"use client";

import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto w-full max-w-xl px-4 py-16 text-center">
      <h1 className="font-serif text-2xl font-semibold text-ink">This page could not be loaded</h1>
      <p className="mt-2 text-muted">
        Something went wrong on our side. Try again; if it keeps happening, tell your instructor
        {error.digest ? (
          <>
            {" "}
            and mention the code <code className="rounded bg-line px-1">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong">
        Try again
      </button>
    </main>
  );
}

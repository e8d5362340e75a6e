/**
 * Says plainly, on a seminar's page and on its essays' pages, that the seminar is archived: what can still be
 * done (read), what cannot (anything else), and, for instructors, where to undo it.
 */
export function ArchivedBanner({ seminarId, isInstructor }: { seminarId: string; isInstructor: boolean }) {
  return (
    <div role="note" aria-label="Archived seminar" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 font-sans text-sm text-ink">
      <p className="font-semibold">This seminar is archived: it is read-only.</p>
      <p className="mt-0.5">
        Its essays and notes can still be read, but nobody can add, change or discuss anything.
        {isInstructor ? (
          <>
            {" "}
            To make changes, unarchive it in the{" "}
            <a href={`/seminars/${seminarId}#settings-heading`} className="font-medium text-accent underline underline-offset-2">
              seminar settings
            </a>
            .
          </>
        ) : null}
      </p>
    </div>
  );
}

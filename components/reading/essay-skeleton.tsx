// Classes, not style attributes: the Content-Security-Policy refuses inline styles in server-rendered HTML.
const LINE_WIDTHS = ["w-full", "w-[96%]", "w-[98%]", "w-[90%]", "w-[60%]", "w-full", "w-[94%]", "w-[97%]", "w-[70%]"];

/** What an essay page shows while it loads: a title and a paragraph's worth of grey lines. */
export function EssaySkeleton({ withContext = false }: { withContext?: boolean }) {
  return (
    <main className="mx-auto w-full max-w-[78rem] px-4 pb-24 sm:px-6 md:pl-16" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the essay…
      </p>
      {withContext ? (
        <>
          <div className="mt-6 h-4 w-40 animate-pulse rounded bg-line/70" />
          <div className="mt-8 h-4 w-56 animate-pulse rounded bg-line/70" />
          <div className="mt-3 h-10 w-2/3 max-w-xl animate-pulse rounded bg-line" />
        </>
      ) : (
        <>
          <div className="mt-14 h-10 w-2/3 max-w-xl animate-pulse rounded bg-line" />
          <div className="mt-4 h-4 w-48 animate-pulse rounded bg-line/70" />
        </>
      )}
      <div className="mt-12 flex max-w-[65ch] flex-col gap-3">
        {LINE_WIDTHS.map((width, i) => (
          <div key={i} className={`h-4 animate-pulse rounded bg-line/60 ${width}`} />
        ))}
      </div>
    </main>
  );
}

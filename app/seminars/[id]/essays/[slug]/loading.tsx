export default function Loading() {
  return (
    <main className="mx-auto w-full max-w-[78rem] px-4 pb-24 sm:px-6 md:pl-16" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the essay…
      </p>
      <div className="mt-6 h-4 w-40 animate-pulse rounded bg-line/70" />
      <div className="mt-8 h-4 w-56 animate-pulse rounded bg-line/70" />
      <div className="mt-3 h-10 w-2/3 max-w-xl animate-pulse rounded bg-line" />
      <div className="mt-12 flex max-w-[65ch] flex-col gap-3">
        {[100, 96, 98, 90, 60, 100, 94, 97, 70].map((width, i) => (
          <div key={i} className="h-4 animate-pulse rounded bg-line/60" style={{ width: `${width}%` }} />
        ))}
      </div>
    </main>
  );
}

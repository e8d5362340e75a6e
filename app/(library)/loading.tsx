export default function Loading() {
  return (
    <main className="mx-auto w-full max-w-[78rem] px-4 py-10 sm:px-6 md:pl-16" aria-busy="true">
      <p className="sr-only" role="status">
        Loading…
      </p>
      <div className="h-8 w-40 animate-pulse rounded bg-line" />
      <div className="mt-3 h-4 w-96 max-w-full animate-pulse rounded bg-line/70" />
      <div className="mt-8 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-36 animate-pulse rounded-xl border border-line bg-card" />
        ))}
      </div>
    </main>
  );
}

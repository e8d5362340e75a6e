export default function Loading() {
  return (
    <main className="mx-auto w-full max-w-[78rem] px-4 py-10 sm:px-6 md:pl-16" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the assignment…
      </p>
      <div className="h-4 w-28 animate-pulse rounded bg-line/70" />
      <div className="mt-6 h-9 w-96 max-w-full animate-pulse rounded bg-line" />
      <div className="mt-3 h-4 w-64 animate-pulse rounded bg-line/70" />
      <div className="mt-10 grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-6">
          <div className="h-32 animate-pulse rounded-xl border border-line bg-card" />
          <div className="h-48 animate-pulse rounded-xl border border-line bg-card" />
        </div>
        <div className="h-56 animate-pulse rounded-xl border border-line bg-card" />
      </div>
    </main>
  );
}

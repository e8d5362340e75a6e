import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto w-full max-w-xl px-4 py-16 text-center">
      <h1 className="font-serif text-2xl font-semibold text-ink">Nothing here</h1>
      <p className="mt-2 text-muted">This page does not exist, or the essay was removed.</p>
      <Link href="/" className="mt-6 inline-block text-accent underline underline-offset-2">
        Back to the library
      </Link>
    </main>
  );
}

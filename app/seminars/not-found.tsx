import Link from "next/link";

// Says the same for an unknown seminar and one the reader is not in, like getSeminar, so ids tell nothing.
export default function SeminarNotFound() {
  return (
    <main className="mx-auto w-full max-w-xl px-4 py-16 text-center">
      <h1 className="font-serif text-2xl font-semibold text-ink">Nothing here</h1>
      <p className="mt-2 text-muted">
        This seminar or essay does not exist, or you are not a member of the seminar. If you were invited, open the
        invite link again or ask your instructor for the code.
      </p>
      <Link href="/seminars" className="mt-6 inline-block text-accent underline underline-offset-2">
        Your seminars
      </Link>
    </main>
  );
}

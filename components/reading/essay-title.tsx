/** The essay's title and byline, as both reading pages (open and seminar) show them. */
export function EssayTitle({ title, author, source }: { title: string; author: string | null; source: string | null }) {
  return (
    <>
      <h1 className="text-[2.1rem] font-semibold leading-tight tracking-tight text-ink sm:text-[2.5rem]">{title}</h1>
      {author || source ? (
        <p className="mt-3 font-sans text-base text-muted">
          {author ? <span className="font-medium text-ink">{author}</span> : null}
          {author && source ? <span aria-hidden="true"> · </span> : null}
          {source ? <span>{source}</span> : null}
        </p>
      ) : null}
    </>
  );
}

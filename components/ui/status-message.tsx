/** A success note after a form action, announced politely; the region stays in the page so it is announced. */
export function StatusMessage({ message }: { message?: string | null }) {
  return (
    <p role="status" className="text-sm text-accent-strong empty:hidden">
      {message ?? ""}
    </p>
  );
}

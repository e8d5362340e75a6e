import type { ReactNode } from "react";

type ErrorSummaryProps = { errors: Array<{ fieldId?: string; message: ReactNode }> };

/**
 * Lists a form's problems at its top. The region is always in the page (aria-live needs that) and only
 * gets content after a failed submit, so screen readers announce the problems once, when they appear. While
 * empty it is `sr-only`: out of the flow, so a form's gap does not open above its first field, yet still in the
 * accessibility tree, where a live region has to be before its content arrives.
 */
export function ErrorSummary({ errors }: ErrorSummaryProps) {
  return (
    <div aria-live="assertive" aria-atomic="true" className={errors.length === 0 ? "sr-only" : undefined}>
      {errors.length > 0 ? (
        <div className="rounded-md border border-danger/30 bg-danger/5 px-4 py-3 text-sm text-danger">
          <p className="font-medium">
            {errors.length === 1 ? "There is a problem:" : `There are ${errors.length} problems:`}
          </p>
          <ul className="mt-1 list-disc pl-5">
            {errors.map((error, i) => (
              <li key={i}>
                {error.fieldId ? (
                  <a href={`#${error.fieldId}`} className="underline underline-offset-2">
                    {error.message}
                  </a>
                ) : (
                  error.message
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

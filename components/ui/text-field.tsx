import type { InputHTMLAttributes, ReactNode } from "react";

type TextFieldProps = {
  id: string;
  label: string;
  error?: ReactNode;
  hint?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

/** A labelled input whose error sits right under it and is announced with it (aria-describedby). */
export function TextField({ id, label, error, hint, ...input }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-md border border-line bg-card px-3 py-2 text-base text-ink shadow-xs outline-none transition-colors focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger"
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
